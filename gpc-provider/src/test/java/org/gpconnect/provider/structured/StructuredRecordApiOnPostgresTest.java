package org.gpconnect.provider.structured;

import org.gpconnect.store.TestDatabase;

class StructuredRecordApiOnPostgresTest extends StructuredRecordApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.POSTGRES; }
}
