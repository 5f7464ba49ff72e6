package org.gpconnect.provider.foundations;

import org.gpconnect.store.TestDatabase;

class RegisterPatientApiOnH2Test extends RegisterPatientApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.H2; }
}
