package org.gpconnect.provider.structured;

import org.gpconnect.store.TestDatabase;

class StructuredRecordApiOnH2Test extends StructuredRecordApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.H2; }
}
