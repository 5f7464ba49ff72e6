package org.gpconnect.provider.foundations;

import org.gpconnect.store.TestDatabase;

class FoundationsApiOnPostgresTest extends FoundationsApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.POSTGRES; }
}
