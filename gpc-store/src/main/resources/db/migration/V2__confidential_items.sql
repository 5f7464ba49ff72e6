-- Items the practice marked confidential: never returned for direct care (their List carries the
-- confidential-items warning), returned by record migration only with sensitive information.
CREATE TABLE confidential_item (
    practice_ods  VARCHAR(16) NOT NULL,
    resource_type VARCHAR(40) NOT NULL,
    id            VARCHAR(64) NOT NULL,
    PRIMARY KEY (practice_ods, resource_type, id)
);
