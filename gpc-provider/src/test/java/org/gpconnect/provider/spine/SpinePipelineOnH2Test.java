package org.gpconnect.provider.spine;

import org.gpconnect.store.TestDatabase;

class SpinePipelineOnH2Test extends SpinePipelineTest {
    @Override
    protected TestDatabase database() { return TestDatabase.H2; }
}
