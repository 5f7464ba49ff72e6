-- Access Record: Structured's per-practice clinical-area switches (structured.md §11), keyed by the
-- request parameter that asks for the area (includeMedication, ...). No row: the area is on.
CREATE TABLE clinical_area_switch (
    practice_ods VARCHAR(16) NOT NULL,
    area         VARCHAR(40) NOT NULL,
    enabled      BOOLEAN NOT NULL,
    PRIMARY KEY (practice_ods, area)
);
