-- Access Document groundwork (documents.md: Retrieve a document, Migrate a document): the content
-- of each document (the Binary a DocumentReference's attachment.url points at), in the same
-- database as the record. One row per Binary with what a response needs before the bytes
-- (content type, size, SHA-256), and the bytes in fixed-size chunks (BinaryStore.CHUNK_SIZE,
-- 1 MiB; the last chunk shorter, an empty document has none), numbered from 0.
--
-- Why chunks rather than one BLOB/BYTEA column: H2 and PostgreSQL have different large-object
-- APIs (H2 BLOB vs PostgreSQL large objects/oid with their own lifecycle), and a single BYTEA
-- value is read and written whole by the PostgreSQL driver; with chunks both databases use the
-- same plain BYTEA column and SQL, each row costs a bounded ~1 MiB of memory however large the
-- document (a 100 MB migrate-document never needs 100 MB of heap), and a reader can fetch one
-- chunk at a time or resume from any chunk (seq) it has not yet sent.
-- BYTEA is PostgreSQL's binary type; H2 in MODE=PostgreSQL maps it to BINARY VARYING.
CREATE TABLE document_content (
    practice_ods  VARCHAR(16)  NOT NULL,
    binary_id     VARCHAR(64)  NOT NULL,
    content_type  VARCHAR(255) NOT NULL,
    size_bytes    BIGINT       NOT NULL,
    sha256        CHAR(64)     NOT NULL,
    chunk_size    INTEGER      NOT NULL,
    PRIMARY KEY (practice_ods, binary_id)
);

CREATE TABLE document_chunk (
    practice_ods  VARCHAR(16)  NOT NULL,
    binary_id     VARCHAR(64)  NOT NULL,
    seq           INTEGER      NOT NULL,
    bytes         BYTEA        NOT NULL,
    PRIMARY KEY (practice_ods, binary_id, seq),
    FOREIGN KEY (practice_ods, binary_id) REFERENCES document_content (practice_ods, binary_id) ON DELETE CASCADE
);
