package org.gpconnect.provider.html;

import org.gpconnect.store.TestDatabase;

class CareRecordLayoutOnH2Test extends CareRecordLayoutTest {
    @Override
    protected TestDatabase database() { return TestDatabase.H2; }
}
