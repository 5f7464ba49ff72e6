package org.gpconnect.provider.appointments;

import org.gpconnect.store.TestDatabase;

class BookingApiOnPostgresTest extends BookingApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.POSTGRES; }
}
