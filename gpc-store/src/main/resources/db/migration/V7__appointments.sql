-- Appointment Management (appointments.md). Slots are relational rows, not stored FHIR: they change
-- state under concurrent bookings, and a booking takes each of its slots with one conditional UPDATE
-- (status free and the version read), so of two consumers racing for a slot exactly one wins.
-- A Slot resource is rendered from its row. Schedules and Appointments are stored FHIR resources
-- (fhir_resource, versioned); Appointments are indexed below by RecordWriter.save.
CREATE TABLE slot (
    practice_ods      VARCHAR(16)  NOT NULL,
    id                VARCHAR(64)  NOT NULL,
    schedule_id       VARCHAR(64)  NOT NULL,
    start_at          TIMESTAMP WITH TIME ZONE NOT NULL,
    end_at            TIMESTAMP WITH TIME ZONE NOT NULL,
    status            VARCHAR(16)  NOT NULL,          -- free | busy
    version_id        BIGINT       NOT NULL,
    service_type      VARCHAR(200),                   -- the practice's slot type (Slot.serviceType.text)
    delivery_channel  VARCHAR(16)  NOT NULL,          -- In-person | Telephone | Video
    bookable          BOOLEAN      NOT NULL,          -- GP Connect bookable
    booking_ods       VARCHAR(500),                   -- ' A ' ' B ': only these organisations may book; NULL: any
    booking_org_types VARCHAR(200),                   -- ' gp-practice ': only these organisation types; NULL: any
    rolling           BOOLEAN      NOT NULL DEFAULT FALSE, -- generated relative to the current date
    PRIMARY KEY (practice_ods, id)
);
CREATE INDEX slot_by_start ON slot (practice_ods, start_at);

CREATE TABLE appointment_index (
    practice_ods  VARCHAR(16) NOT NULL,
    id            VARCHAR(64) NOT NULL,
    patient_id    VARCHAR(64),
    start_at      TIMESTAMP WITH TIME ZONE,
    status        VARCHAR(20),
    PRIMARY KEY (practice_ods, id)
);
CREATE INDEX appointment_by_patient ON appointment_index (practice_ods, patient_id, start_at);

-- which slots each appointment holds (a slot is held by at most one booked appointment at a time)
CREATE TABLE appointment_slot (
    practice_ods    VARCHAR(16) NOT NULL,
    appointment_id  VARCHAR(64) NOT NULL,
    slot_id         VARCHAR(64) NOT NULL,
    PRIMARY KEY (practice_ods, appointment_id, slot_id)
);
CREATE INDEX appointment_slot_by_slot ON appointment_slot (practice_ods, slot_id);
