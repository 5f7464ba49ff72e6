package org.gpconnect.provider.html;

import org.gpconnect.store.TestDatabase;

class CareRecordApiOnH2Test extends CareRecordApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.H2; }
}
