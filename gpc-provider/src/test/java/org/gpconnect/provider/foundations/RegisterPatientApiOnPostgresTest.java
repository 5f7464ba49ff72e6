package org.gpconnect.provider.foundations;

import org.gpconnect.store.TestDatabase;

class RegisterPatientApiOnPostgresTest extends RegisterPatientApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.POSTGRES; }
}
