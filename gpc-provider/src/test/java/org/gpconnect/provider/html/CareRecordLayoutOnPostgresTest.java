package org.gpconnect.provider.html;

import org.gpconnect.store.TestDatabase;

class CareRecordLayoutOnPostgresTest extends CareRecordLayoutTest {
    @Override
    protected TestDatabase database() { return TestDatabase.POSTGRES; }
}
