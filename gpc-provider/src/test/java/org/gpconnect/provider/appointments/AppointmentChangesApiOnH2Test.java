package org.gpconnect.provider.appointments;

import org.gpconnect.store.TestDatabase;

class AppointmentChangesApiOnH2Test extends AppointmentChangesApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.H2; }
}
