package org.gpconnect.store;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The content of documents (the Binary each DocumentReference points at), streamed in and out of the
 * record database in {@link #CHUNK_SIZE} chunks (V5 migration, ADR 0007), so neither a write nor a
 * read ever holds more than about one chunk of a document in memory, whatever its size.
 *
 * <p>A write is one transaction: the previous content of that Binary is replaced only if the whole
 * new content arrives; if the input fails midway, nothing of the new content is kept and the old
 * content is untouched. A read runs in one repeatable-read transaction, a chunk per query by primary
 * key, so a concurrent replacement never mixes two versions in one response.
 */
public final class BinaryStore {
    /** Bytes per stored chunk (the last one shorter). */
    public static final int CHUNK_SIZE = 1024 * 1024;
    /** The first read of a write: documents smaller than this never need a chunk-sized buffer. */
    private static final int FIRST_READ = 64 * 1024;

    /** What is known of a stored Binary without reading its bytes; the version counts its replacements from 1. */
    public record BinaryInfo(String contentType, long size, String sha256, long versionId) {}

    /** The result of a write: the Binary and what was stored. */
    public record StoredBinary(String odsCode, String binaryId, BinaryInfo info) {}

    private final GpRecordStore store;
    private final int chunkSize;

    public BinaryStore(GpRecordStore store) {
        this(store, CHUNK_SIZE);
    }

    BinaryStore(GpRecordStore store, int chunkSize) {
        if (chunkSize <= 0) throw new IllegalArgumentException("chunk size " + chunkSize);
        this.store = Objects.requireNonNull(store);
        this.chunkSize = chunkSize;
    }

    /**
     * Streams {@code content} into the store as the Binary {@code binaryId} of the practice, replacing
     * any previous content of that id, and computes its size and SHA-256 on the way. The stream is
     * read to its end but not closed. If reading it fails, the transaction rolls back and the
     * {@link IOException} is rethrown wrapped in an {@link UncheckedIOException}.
     */
    public StoredBinary write(String odsCode, String binaryId, String contentType, InputStream content) {
        return store.inTransaction(writer -> write(writer, odsCode, binaryId, contentType, content));
    }

    /**
     * As {@link #write(String, String, String, InputStream)}, inside the caller's transaction (the data
     * set loader stores the documents with the rest of the data set).
     */
    public StoredBinary write(RecordWriter writer, String odsCode, String binaryId, String contentType, InputStream content)
            throws SQLException {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(contentType, "contentType");
        Connection connection = writer.connection();
        long version = info(connection, odsCode, binaryId).map(previous -> previous.versionId() + 1).orElse(1L);
        // the chunks go with their row (ON DELETE CASCADE)
        writer.update("DELETE FROM document_content WHERE practice_ods = ? AND binary_id = ?", odsCode, binaryId);
        writer.update("INSERT INTO document_content (practice_ods, binary_id, content_type, size_bytes, sha256, chunk_size,"
                + " version_id) VALUES (?, ?, ?, 0, ?, ?, ?)", odsCode, binaryId, contentType, "", chunkSize, version);
        MessageDigest sha256 = sha256();
        long size = 0;
        // most documents are far smaller than a chunk: the buffer starts small and grows to a chunk only
        // for content that fills it (a 1 MiB buffer per letter was half the synthetic generator's write CPU)
        byte[] buffer = new byte[Math.min(chunkSize, FIRST_READ)];
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO document_chunk (practice_ods, binary_id, seq, bytes) VALUES (?, ?, ?, ?)")) {
            insert.setString(1, odsCode);
            insert.setString(2, binaryId);
            for (int seq = 0; ; seq++) {
                int n = readChunk(content, buffer, 0);
                if (n == buffer.length && buffer.length < chunkSize) {
                    buffer = java.util.Arrays.copyOf(buffer, chunkSize);
                    n += readChunk(content, buffer, n);
                }
                if (n == 0) break;
                sha256.update(buffer, 0, n);
                size += n;
                insert.setInt(3, seq);
                // a full chunk is sent as is; only the last, short one is copied to its length
                insert.setBytes(4, n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n));
                insert.executeUpdate();
                if (n < buffer.length) break;
            }
        }
        BinaryInfo info = new BinaryInfo(contentType, size, HexFormat.of().formatHex(sha256.digest()), version);
        writer.update("UPDATE document_content SET size_bytes = ?, sha256 = ? WHERE practice_ods = ? AND binary_id = ?",
                info.size(), info.sha256(), odsCode, binaryId);
        return new StoredBinary(odsCode, binaryId, info);
    }

    /** Content type, size and SHA-256 of a stored Binary, without reading its bytes. */
    public Optional<BinaryInfo> info(String odsCode, String binaryId) {
        try (Connection connection = store.dataSource().getConnection()) {
            return info(connection, odsCode, binaryId);
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static Optional<BinaryInfo> info(Connection connection, String odsCode, String binaryId) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement("SELECT content_type, size_bytes, sha256, version_id"
                + " FROM document_content WHERE practice_ods = ? AND binary_id = ?")) {
            head.setString(1, odsCode);
            head.setString(2, binaryId);
            try (ResultSet rs = head.executeQuery()) {
                return rs.next() ? Optional.of(new BinaryInfo(rs.getString(1), rs.getLong(2), rs.getString(3), rs.getLong(4)))
                        : Optional.empty();
            }
        }
    }

    /**
     * Streams the content of a stored Binary to {@code out} in order, one chunk in memory at a time;
     * {@code out} is flushed but not closed. Returns false (writing nothing) if there is no such
     * Binary. An {@link IOException} from {@code out} is rethrown as is.
     */
    public boolean copyTo(String odsCode, String binaryId, OutputStream out) throws IOException {
        try (Connection connection = store.dataSource().getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            int isolation = connection.getTransactionIsolation();
            connection.setAutoCommit(false);
            connection.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                boolean found = copy(connection, odsCode, binaryId, out);
                connection.commit();
                return found;
            } catch (IOException | SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setTransactionIsolation(isolation);
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new StoreException(e);
        }
    }

    private static boolean copy(Connection connection, String odsCode, String binaryId, OutputStream out)
            throws SQLException, IOException {
        long size;
        int chunkSize;
        try (PreparedStatement head = connection.prepareStatement(
                "SELECT size_bytes, chunk_size FROM document_content WHERE practice_ods = ? AND binary_id = ?")) {
            head.setString(1, odsCode);
            head.setString(2, binaryId);
            try (ResultSet rs = head.executeQuery()) {
                if (!rs.next()) return false;
                size = rs.getLong(1);
                chunkSize = rs.getInt(2);
            }
        }
        long chunks = (size + chunkSize - 1) / chunkSize;
        long written = 0;
        // one primary-key lookup per chunk: neither driver buffers more than the row it returns
        // (PostgreSQL's reads a whole result set unless cursor fetch is set up; H2 buffers results)
        try (PreparedStatement chunk = connection.prepareStatement(
                "SELECT bytes FROM document_chunk WHERE practice_ods = ? AND binary_id = ? AND seq = ?")) {
            chunk.setString(1, odsCode);
            chunk.setString(2, binaryId);
            for (int seq = 0; seq < chunks; seq++) {
                chunk.setInt(3, seq);
                try (ResultSet rs = chunk.executeQuery()) {
                    if (!rs.next()) {
                        throw new IllegalStateException("Binary " + binaryId + " of " + odsCode + " lacks chunk " + seq);
                    }
                    byte[] bytes = rs.getBytes(1);
                    out.write(bytes);
                    written += bytes.length;
                }
            }
        }
        if (written != size) {
            throw new IllegalStateException("Binary " + binaryId + " of " + odsCode + " has " + written + " bytes, not " + size);
        }
        out.flush();
        return true;
    }

    /** Reads from {@code from} until the buffer is full or the stream ends; the count read (0 at the end). */
    private static int readChunk(InputStream in, byte[] buffer, int from) {
        try {
            return in.readNBytes(buffer, from, buffer.length - from);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
