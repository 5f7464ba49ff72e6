package org.gpconnect.provider.html;

import org.gpconnect.store.TestDatabase;

class CareRecordApiOnPostgresTest extends CareRecordApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.POSTGRES; }
}
