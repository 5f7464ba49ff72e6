package org.gpconnect.provider.foundations;

import org.gpconnect.store.TestDatabase;

class FoundationsApiOnH2Test extends FoundationsApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.H2; }
}
