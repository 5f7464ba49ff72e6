package org.gpconnect.store;

import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.store.BinaryStore.BinaryInfo;
import org.gpconnect.store.BinaryStore.StoredBinary;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Document content streamed in and out of both real databases in chunks, never whole in memory. */
class BinaryStoreTest {
    private static final String ODS = "B82617";
    private static final long MB = 1024 * 1024;

    private static HikariDataSource open(TestDatabase database) {
        TestDatabase.Connect c = database.fresh();
        return Database.open(c.url(), c.user(), c.password(), 2);
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void roundTripsEmptySmallAndMultiChunkDocumentsByteForByte(TestDatabase database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            BinaryStore binaries = new BinaryStore(new GpRecordStore(dataSource));
            for (long size : new long[] {0, 4 * 1024 + 3, 64 * 1024, 64 * 1024 + 1, BinaryStore.CHUNK_SIZE, 5 * MB + 17}) {
                String id = "doc-" + size;
                Generated content = new Generated(size, size);
                StoredBinary stored = binaries.write(ODS, id, "application/pdf", content);
                String expected = sha256Of(new Generated(size, size));
                assertThat(stored.info()).isEqualTo(new BinaryInfo("application/pdf", size, expected, 1));
                assertThat(binaries.info(ODS, id)).contains(stored.info());

                Checksum out = new Checksum();
                assertThat(binaries.copyTo(ODS, id, out)).isTrue();
                assertThat(out.count).isEqualTo(size);
                assertThat(out.hex()).isEqualTo(expected);
                assertThat(new Comparing(new Generated(size, size)).matches(binaries, id)).as("byte for byte").isTrue();
            }
            assertThat(binaries.info(ODS, "doc-0").orElseThrow().sha256())
                    .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
            assertThat(binaries.info("A00001", "doc-0")).as("another practice's Binary").isEmpty();
            assertThat(binaries.copyTo(ODS, "missing", new Checksum())).isFalse();
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void replacesContentAndReadsInfoWithoutTheBytes(TestDatabase database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            BinaryStore binaries = new BinaryStore(new GpRecordStore(dataSource), 1000);
            binaries.write(ODS, "doc", "application/pdf", new Generated(7, 3500));
            StoredBinary replaced = binaries.write(ODS, "doc", "text/plain", new Generated(8, 1200));
            assertThat(binaries.info(ODS, "doc")).contains(replaced.info());
            assertThat(replaced.info().size()).isEqualTo(1200);
            assertThat(replaced.info().versionId()).as("each replacement is a new version").isEqualTo(2);
            assertThat(chunkCount(dataSource, "doc")).as("old chunks gone").isEqualTo(2);
            Checksum out = new Checksum();
            binaries.copyTo(ODS, "doc", out);
            assertThat(out.hex()).isEqualTo(sha256Of(new Generated(8, 1200)));

            // info reads the row only: with the chunks removed behind its back it still answers
            try (var connection = dataSource.getConnection()) {
                connection.createStatement().execute("DELETE FROM document_chunk WHERE binary_id = 'doc'");
            }
            assertThat(binaries.info(ODS, "doc")).contains(replaced.info());
            assertThatThrownBy(() -> binaries.copyTo(ODS, "doc", new Checksum()))
                    .isInstanceOf(IllegalStateException.class).hasMessageContaining("lacks chunk 0");
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void aFailingInputLeavesNoContentAndThePreviousContentIntact(TestDatabase database) throws Exception {
        try (HikariDataSource dataSource = open(database)) {
            BinaryStore binaries = new BinaryStore(new GpRecordStore(dataSource), 64 * 1024);
            // a new Binary whose input fails after several chunks are written
            assertThatThrownBy(() -> binaries.write(ODS, "new", "application/pdf", new Failing(new Generated(1, 10 * MB), 300 * 1024)))
                    .isInstanceOf(UncheckedIOException.class).hasMessageContaining("connection reset");
            assertThat(binaries.info(ODS, "new")).isEmpty();
            assertThat(chunkCount(dataSource, "new")).isZero();
            assertThat(binaries.copyTo(ODS, "new", new Checksum())).isFalse();

            // replacing an existing Binary: the old content survives whole
            StoredBinary old = binaries.write(ODS, "old", "application/pdf", new Generated(2, 200 * 1024 + 5));
            assertThatThrownBy(() -> binaries.write(ODS, "old", "text/plain", new Failing(new Generated(3, 10 * MB), 500 * 1024)))
                    .isInstanceOf(UncheckedIOException.class);
            assertThat(binaries.info(ODS, "old")).contains(old.info());
            assertThat(chunkCount(dataSource, "old")).isEqualTo(4);
            Checksum out = new Checksum();
            assertThat(binaries.copyTo(ODS, "old", out)).isTrue();
            assertThat(out.hex()).isEqualTo(old.info().sha256());
        }
    }

    /**
     * 100 MB in and out of an H2 file database (an in-memory H2 would hold the document in the heap by
     * definition) with the heap measured around each call. WRITE_DELAY=0 measures the store rather
     * than H2's write-behind: with H2's default 500 ms delay, MVStore keeps the pages of recent commits
     * in the heap until its background writer saves them (+41 to +83 MB right after this write, gone
     * 500 ms later; the write did not fit -Xmx96m), whereas with 0 it ran in -Xmx96m (ADR 0007).
     */
    @Test
    void writesAndReadsAHundredMegabyteDocumentInBoundedHeap(@TempDir Path dir) throws Exception {
        long size = 100 * MB;
        try (HikariDataSource dataSource = Database.open(Database.h2FileUrl(dir) + ";WRITE_DELAY=0", "sa", "", 2)) {
            BinaryStore binaries = new BinaryStore(new GpRecordStore(dataSource));
            String expected = sha256Of(new Generated(42, size));

            long before = usedHeapAfterGc();
            long start = System.nanoTime();
            StoredBinary stored = binaries.write(ODS, "big", "application/pdf", new Generated(42, size));
            long writeNanos = System.nanoTime() - start;
            assertThat(stored.info().sha256()).isEqualTo(expected);
            long afterWrite = usedHeapAfterGc();

            Checksum out = new Checksum();
            start = System.nanoTime();
            assertThat(binaries.copyTo(ODS, "big", out)).isTrue();
            long readNanos = System.nanoTime() - start;
            long afterRead = usedHeapAfterGc();
            assertThat(out.count).isEqualTo(size);
            assertThat(out.hex()).isEqualTo(expected);

            System.out.printf("BinaryStore 100 MB on H2 file: write %.1f MB/s, read %.1f MB/s;"
                            + " heap growth after write %+.1f MB, after read %+.1f MB%n",
                    size / (double) MB / (writeNanos / 1e9), size / (double) MB / (readNanos / 1e9),
                    (afterWrite - before) / (double) MB, (afterRead - before) / (double) MB);
            assertThat(afterWrite - before).as("heap retained by the write").isLessThan(40 * MB);
            assertThat(afterRead - before).as("heap retained by the read").isLessThan(40 * MB);
        }
    }

    private static long chunkCount(HikariDataSource dataSource, String id) throws Exception {
        try (var connection = dataSource.getConnection();
             var ps = connection.prepareStatement("SELECT COUNT(*) FROM document_chunk WHERE practice_ods = ? AND binary_id = ?")) {
            ps.setString(1, ODS);
            ps.setString(2, id);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static long usedHeapAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static String sha256Of(InputStream in) throws IOException {
        Checksum out = new Checksum();
        in.transferTo(out);
        return out.hex();
    }

    /** Deterministic pseudo-random bytes from a seed, generated as read; never held whole. */
    static final class Generated extends InputStream {
        private final SplittableRandom random;
        private long remaining;

        Generated(long seed, long size) {
            this.random = new SplittableRandom(seed);
            this.remaining = size;
        }

        @Override
        public int read() {
            if (remaining == 0) return -1;
            remaining--;
            return random.nextInt(256);
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (len == 0) return 0;
            if (remaining == 0) return -1;
            int n = (int) Math.min(len, remaining);
            for (int i = 0; i < n; i++) {
                b[off + i] = (byte) random.nextInt(256);
            }
            remaining -= n;
            return n;
        }
    }

    /** Fails like a dropped upload once {@code after} bytes have been read. */
    static final class Failing extends InputStream {
        private final InputStream in;
        private long left;

        Failing(InputStream in, long after) {
            this.in = in;
            this.left = after;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) throw new IOException("connection reset");
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n > 0) left -= n;
            return n;
        }
    }

    /** Counts and hashes what is written to it, keeping nothing. */
    static final class Checksum extends OutputStream {
        private final MessageDigest sha256;
        long count;

        Checksum() {
            try {
                sha256 = MessageDigest.getInstance("SHA-256");
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }

        @Override
        public void write(int b) {
            sha256.update((byte) b);
            count++;
        }

        @Override
        public void write(byte[] b, int off, int len) {
            sha256.update(b, off, len);
            count += len;
        }

        String hex() {
            return HexFormat.of().formatHex(sha256.digest());
        }
    }

    /** Compares what the store writes with a second copy of the generator, byte for byte. */
    static final class Comparing extends OutputStream {
        private final InputStream expected;
        private boolean same = true;

        Comparing(InputStream expected) {
            this.expected = expected;
        }

        boolean matches(BinaryStore binaries, String id) throws IOException {
            binaries.copyTo(ODS, id, this);
            return same && expected.read() == -1;
        }

        @Override
        public void write(int b) throws IOException {
            if (expected.read() != (b & 0xff)) same = false;
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            byte[] want = expected.readNBytes(len);
            if (want.length != len || !java.util.Arrays.equals(want, 0, len, b, off, off + len)) same = false;
        }
    }
}
