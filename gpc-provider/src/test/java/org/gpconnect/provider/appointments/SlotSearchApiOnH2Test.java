package org.gpconnect.provider.appointments;

import org.gpconnect.store.TestDatabase;

class SlotSearchApiOnH2Test extends SlotSearchApiTest {
    @Override
    protected TestDatabase database() { return TestDatabase.H2; }
}
