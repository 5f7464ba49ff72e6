package org.gpconnect.store;

import com.fasterxml.jackson.databind.JsonNode;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.StringJoiner;

/**
 * What a patient's documents are searched and retrieved by (Access Document: Search for a patient's
 * documents, Retrieve a document), one row per DocumentReference in {@code document_index} (V6): when
 * it was created ({@code indexed} where {@code created} is absent, as the search page asks), its
 * authors, the words of its description and type, and the Binary its attachment points at. Written
 * with the DocumentReference by {@link RecordWriter#save}, so neither a search nor a retrieval parses
 * stored JSON to find its candidates.
 */
public record DocumentIndex(String documentReferenceId, String patientId, String binaryId, Instant created,
                            String authors, String searchText) {
    static final String TYPE = "DocumentReference";
    private static final ZoneId UK = ZoneId.of("Europe/London");

    /** The index row of a DocumentReference belonging to {@code patientId}. */
    static DocumentIndex of(JsonNode documentReference, String patientId) {
        String created = documentReference.path("created").asText(null);
        if (created == null) {
            created = documentReference.path("indexed").asText(null);
        }
        // space-padded, so one author matches by LIKE '% Organization/2 %' and never a prefix of another
        StringJoiner authors = new StringJoiner(" ", " ", " ");
        for (JsonNode author : documentReference.path("author")) {
            String reference = author.path("reference").asText("");
            if (!reference.isEmpty()) {
                authors.add(reference);
            }
        }
        StringJoiner text = new StringJoiner(" ");
        text.add(documentReference.path("description").asText(""));
        JsonNode type = documentReference.path("type");
        text.add(type.path("text").asText(""));
        for (JsonNode coding : type.path("coding")) {
            text.add(coding.path("display").asText(""));
        }
        String binaryId = null;
        for (JsonNode content : documentReference.path("content")) {
            String url = content.path("attachment").path("url").asText("");
            int at = url.lastIndexOf("Binary/");
            if (at >= 0 && url.length() > at + "Binary/".length()) {
                binaryId = url.substring(at + "Binary/".length());
                break;
            }
        }
        return new DocumentIndex(documentReference.path("id").asText(), patientId, binaryId, startOf(created),
                authors.toString(), text.toString().toLowerCase(Locale.ROOT));
    }

    /**
     * The first instant of a FHIR date or dateTime (a year, a month, a day in UK time, or a moment),
     * or null when there is none or it is not one.
     */
    public static Instant startOf(String dateTime) {
        if (dateTime == null || dateTime.isBlank()) {
            return null;
        }
        try {
            return switch (dateTime.length()) {
                case 4 -> LocalDate.of(Integer.parseInt(dateTime), 1, 1).atStartOfDay(UK).toInstant();
                case 7 -> YearMonth.parse(dateTime).atDay(1).atStartOfDay(UK).toInstant();
                case 10 -> LocalDate.parse(dateTime).atStartOfDay(UK).toInstant();
                default -> OffsetDateTime.parse(dateTime).toInstant();
            };
        } catch (DateTimeParseException | NumberFormatException e) {
            return null;
        }
    }

    /** Replaces the DocumentReference's row in the writer's transaction. */
    void save(RecordWriter writer, String odsCode) throws SQLException {
        writer.update("DELETE FROM document_index WHERE practice_ods = ? AND document_reference_id = ?", odsCode, documentReferenceId);
        writer.update("INSERT INTO document_index (practice_ods, document_reference_id, patient_id, binary_id, created, authors,"
                + " search_text) VALUES (?, ?, ?, ?, ?, ?, ?)", odsCode, documentReferenceId, patientId, binaryId,
                created == null ? null : created.atOffset(ZoneOffset.UTC), authors, searchText);
    }

    /** Indexes the DocumentReferences stored before the index existed (V6 migration). */
    public static void backfill(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT practice_ods, patient_id, json FROM fhir_resource"
                + " WHERE resource_type = '" + TYPE + "'")) {
            select.setFetchSize(500);
            RecordWriter writer = new RecordWriter(connection);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    JsonNode resource;
                    try {
                        resource = ResourceIndex.JSON.readTree(rows.getString(3));
                    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                        throw new SQLException("a stored DocumentReference is not JSON", e);
                    }
                    of(resource, rows.getString(2)).save(writer, rows.getString(1));
                }
            }
        }
    }
}
