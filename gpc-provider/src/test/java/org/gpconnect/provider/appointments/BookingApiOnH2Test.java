package org.gpconnect.provider.appointments;

import org.gpconnect.store.TestDatabase;

class BookingApiOnH2Test extends BookingApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.H2; }
}
