package org.gpconnect.provider.documents;

import org.gpconnect.store.TestDatabase;

class DocumentsApiOnH2Test extends DocumentsApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.H2; }
}
