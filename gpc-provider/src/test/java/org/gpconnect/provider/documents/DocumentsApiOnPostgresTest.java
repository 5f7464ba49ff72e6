package org.gpconnect.provider.documents;

import org.gpconnect.store.TestDatabase;

class DocumentsApiOnPostgresTest extends DocumentsApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.POSTGRES; }
}
