package org.gpconnect.provider.spine;

import org.gpconnect.store.TestDatabase;

class SpinePipelineOnPostgresTest extends SpinePipelineTest {
    @Override
    protected TestDatabase database() { return TestDatabase.POSTGRES; }
}
