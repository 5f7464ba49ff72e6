package org.gpconnect.provider.appointments;

import org.gpconnect.store.TestDatabase;

class AppointmentChangesApiOnPostgresTest extends AppointmentChangesApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.POSTGRES; }
}
