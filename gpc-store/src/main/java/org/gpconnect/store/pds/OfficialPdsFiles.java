package org.gpconnect.store.pds;

import org.gpconnect.store.GpRecordStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Seeds the emulated PDS from NHS England's provider test suite files (PDS.csv and
 * RegisterPatients.csv), read from a configured folder rather than copied into the project: they
 * are the people the national test environment's PDS knows, whom consumers register in tests.
 */
public final class OfficialPdsFiles {
    private static final Logger LOG = LoggerFactory.getLogger(OfficialPdsFiles.class);
    private static final DateTimeFormatter UK_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private OfficialPdsFiles() {}

    /** Loads whatever of the two files the folder holds; returns how many records were stored (0: unchanged). */
    public static int load(GpRecordStore store, Path folder) {
        List<PdsRecord> records = new ArrayList<>();
        try {
            Path pds = folder.resolve("PDS.csv");
            if (Files.isRegularFile(pds)) {
                for (String[] row : rows(pds)) {
                    records.add(fromPdsCsv(row));
                }
            }
            Path register = folder.resolve("RegisterPatients.csv");
            if (Files.isRegularFile(register)) {
                for (String[] row : rows(register)) {
                    records.add(new PdsRecord(row[0].trim(), row[1].trim(), row[2].trim(), row[3].trim().toLowerCase(Locale.ROOT),
                            LocalDate.parse(row[4].trim()), null, false, false, false, null, null, null));
                }
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("Official PDS test files in {} could not be read ({}); the emulated PDS holds only the data set's patients", folder, e.toString());
            return 0;
        }
        // the files are read at every start, but written only when they differ from the last load
        String fingerprint = "pds-seed:" + Integer.toHexString(records.hashCode());
        return store.inTransaction(writer -> {
            if (writer.update("UPDATE dataset_load SET name = name WHERE name = ?", fingerprint) > 0) {
                return 0;
            }
            writer.update("DELETE FROM dataset_load WHERE name LIKE 'pds-seed:%'");
            for (PdsRecord record : records) {
                PdsDirectory.put(writer, record);
            }
            writer.update("INSERT INTO dataset_load (name, loaded_at) VALUES (?, ?)", fingerprint,
                    java.sql.Timestamp.from(java.time.Instant.now()));
            return records.size();
        });
    }

    private static PdsRecord fromPdsCsv(String[] c) {
        String address = Arrays.stream(c, 7, 12).map(String::trim).filter(s -> !s.isEmpty()).collect(Collectors.joining(", "));
        String given = c[4].trim();
        return new PdsRecord(c[0].trim(), c[3].trim(), given, null,
                c[1].isBlank() ? null : LocalDate.parse(c[1].trim(), UK_DATE),
                c[2].isBlank() ? null : LocalDate.parse(c[2].trim(), UK_DATE),
                "S".equalsIgnoreCase(c[13].trim()), false, false, address, c[12].trim(), c.length > 14 ? c[14].trim() : null);
    }

    /** Comma-separated rows after the header; quoted fields are not used in these files. */
    private static List<String[]> rows(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(Math.min(1, lines.size()), lines.size())) {
            if (!line.isBlank()) {
                rows.add(pad(line.split(",", -1)));
            }
        }
        return rows;
    }

    private static String[] pad(String[] cells) {
        String[] padded = Arrays.copyOf(cells, Math.max(cells.length, 15));
        for (int i = 0; i < padded.length; i++) {
            if (padded[i] == null) {
                padded[i] = "";
            }
        }
        return padded;
    }
}
