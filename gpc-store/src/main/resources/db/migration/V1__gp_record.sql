-- One schema for H2 and PostgreSQL. The GP record is kept as profiled FHIR STU3 JSON; the other
-- columns exist only to select and filter it without parsing.

CREATE TABLE practice (
    ods_code             VARCHAR(16) PRIMARY KEY,
    asid                 VARCHAR(20) NOT NULL,
    organization_id      VARCHAR(64) NOT NULL,
    gpc_enabled          BOOLEAN NOT NULL DEFAULT FALSE,
    appointments_enabled BOOLEAN NOT NULL DEFAULT FALSE,
    structured_enabled   BOOLEAN NOT NULL DEFAULT FALSE,
    documents_enabled    BOOLEAN NOT NULL DEFAULT FALSE,
    html_enabled         BOOLEAN NOT NULL DEFAULT FALSE
);

CREATE TABLE fhir_resource (
    practice_ods  VARCHAR(16) NOT NULL,
    resource_type VARCHAR(40) NOT NULL,
    id            VARCHAR(64) NOT NULL,
    version_id    BIGINT NOT NULL,
    patient_id    VARCHAR(64),
    last_updated  TIMESTAMP WITH TIME ZONE NOT NULL,
    json          TEXT NOT NULL,
    PRIMARY KEY (practice_ods, resource_type, id)
);
CREATE INDEX fhir_resource_by_patient ON fhir_resource (practice_ods, patient_id, resource_type);

CREATE TABLE resource_identifier (
    practice_ods  VARCHAR(16) NOT NULL,
    resource_type VARCHAR(40) NOT NULL,
    id_system     VARCHAR(255) NOT NULL,
    id_value      VARCHAR(255) NOT NULL,
    id            VARCHAR(64) NOT NULL,
    PRIMARY KEY (practice_ods, resource_type, id_system, id_value, id)
);

-- The references each resource makes, so a response can include everything a resource points at.
CREATE TABLE resource_reference (
    practice_ods  VARCHAR(16) NOT NULL,
    resource_type VARCHAR(40) NOT NULL,
    id            VARCHAR(64) NOT NULL,
    target_type   VARCHAR(40) NOT NULL,
    target_id     VARCHAR(64) NOT NULL,
    PRIMARY KEY (practice_ods, resource_type, id, target_type, target_id)
);

-- Facts about a patient's registration that decide whether the record may be shared.
CREATE TABLE patient_record (
    practice_ods      VARCHAR(16) NOT NULL,
    id                VARCHAR(64) NOT NULL,
    nhs_number        VARCHAR(10) NOT NULL,
    active            BOOLEAN NOT NULL,
    deceased          BOOLEAN NOT NULL,
    sensitive         BOOLEAN NOT NULL,
    nhs_verified      BOOLEAN NOT NULL,
    registration_type VARCHAR(4),
    dissent           BOOLEAN NOT NULL DEFAULT FALSE,
    in_transit        BOOLEAN NOT NULL DEFAULT FALSE,
    merged            BOOLEAN NOT NULL DEFAULT FALSE,
    PRIMARY KEY (practice_ods, id)
);
CREATE INDEX patient_record_by_nhs_number ON patient_record (practice_ods, nhs_number);

-- The emulated national demographics service (PDS).
CREATE TABLE pds_record (
    nhs_number  VARCHAR(10) PRIMARY KEY,
    family      VARCHAR(100),
    given       VARCHAR(100),
    gender      VARCHAR(10),
    birth_date  DATE,
    death_date  DATE,
    sensitive   BOOLEAN NOT NULL DEFAULT FALSE,
    superseded  BOOLEAN NOT NULL DEFAULT FALSE,
    invalid     BOOLEAN NOT NULL DEFAULT FALSE,
    address     VARCHAR(500),
    postal_code VARCHAR(10),
    gp_ods_code VARCHAR(16)
);

-- Tamper-evident audit: each writer node keeps its own hash chain, ordered by seq.
CREATE TABLE audit_event (
    node          VARCHAR(64) NOT NULL,
    seq           BIGINT NOT NULL,
    recorded_at   TIMESTAMP WITH TIME ZONE NOT NULL,
    event_type    VARCHAR(32) NOT NULL,
    trace_id      VARCHAR(100),
    interaction   VARCHAR(120),
    from_asid     VARCHAR(40),
    to_asid       VARCHAR(40),
    practice_ods  VARCHAR(16),
    requesting_organization VARCHAR(200),
    requesting_practitioner VARCHAR(300),
    requesting_device       VARCHAR(300),
    patient       VARCHAR(64),
    outcome       VARCHAR(60) NOT NULL,
    http_status   INTEGER NOT NULL,
    duration_ms   INTEGER NOT NULL,
    detail        VARCHAR(1000),
    prev_hash     VARCHAR(64) NOT NULL,
    hash          VARCHAR(64) NOT NULL,
    PRIMARY KEY (node, seq)
);

CREATE TABLE dataset_load (
    name      VARCHAR(64) PRIMARY KEY,
    loaded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
