package org.gpconnect.provider.appointments;

import org.gpconnect.store.TestDatabase;

class SlotSearchApiOnPostgresTest extends SlotSearchApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.POSTGRES; }
}
