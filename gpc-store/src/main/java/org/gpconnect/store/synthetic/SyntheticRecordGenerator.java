package org.gpconnect.store.synthetic;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.gpconnect.store.BinaryStore;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.dataset.DataSetLoader;

import java.io.ByteArrayInputStream;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Consumer;

/**
 * Writes synthetic, multi-morbid GP records into a practice for load and structured-record work.
 * Everything follows from the seed: patient n's record depends only on the seed and n, so the same
 * command writes the same records on any machine and any database. Each patient is written in its
 * own transaction, which keeps memory flat and lets a long run be watched (and interrupted) safely.
 */
public final class SyntheticRecordGenerator {
    /** The day synthetic records end on: fixed, so that a record does not change with the calendar. */
    static final LocalDate RECORD_END = LocalDate.of(2025, 9, 30);
    public static final String PATIENT_ID_PREFIX = "syn-";

    /**
     * @param items       average resources per ordinary patient (drawn from a right-skewed distribution)
     * @param heavyPercent share of patients, in percent, whose records are heavy
     * @param heavyItems  resources per heavy patient (at least)
     */
    public record Settings(String odsCode, int patients, int items, double heavyPercent, int heavyItems, long seed) {
        public Settings {
            if (patients < 0 || items < 1 || heavyItems < 1 || heavyPercent < 0 || heavyPercent > 100) {
                throw new IllegalArgumentException("patients >= 0, items and heavy items >= 1, heavy share 0-100");
            }
        }
    }

    public record Result(int patients, long resources, long documents, long millis, List<WrittenPatient> written) {}

    /** The content of one document's Binary, generated with its DocumentReference. */
    public record Document(String binaryId, String contentType, byte[] content) {}

    /** A patient's resources, Patient first, and the content of their documents. */
    public record PatientFile(List<ObjectNode> resources, List<Document> documents) {}

    /** One patient written: what a benchmark needs to pick patients by size. */
    public record WrittenPatient(String id, String nhsNumber, int resources, boolean heavy) {}

    private final Settings settings;

    public SyntheticRecordGenerator(Settings settings) {
        this.settings = settings;
    }

    /** The resources of patient number n (1-based), Patient first; NHS numbers as they would be issued. */
    public List<ObjectNode> patientRecord(int n, String nhsNumber) {
        return patientFile(n, nhsNumber).resources();
    }

    /** Patient number n's resources and document content. */
    public PatientFile patientFile(int n, String nhsNumber) {
        SplittableRandom random = new SplittableRandom(settings.seed() * 0x9E3779B97F4A7C15L + n);
        List<ObjectNode> out = new ArrayList<>();
        PatientChart chart = SyntheticPatient.chart(PATIENT_ID_PREFIX + n, nhsNumber, random, RECORD_END, out);
        int target = heavy(n) ? settings.heavyItems() + random.nextInt(Math.max(1, settings.heavyItems() / 5))
                : ordinaryTarget(random);
        ClinicalHistory.write(chart, target - 1);
        out.addAll(chart.resources);
        return new PatientFile(out, List.copyOf(chart.documents));
    }

    /** Heavy patients are spread evenly: patient n is heavy when the running share crosses a whole patient. */
    boolean heavy(int n) {
        double share = settings.heavyPercent() / 100.0;
        return Math.floor(n * share) > Math.floor((n - 1) * share);
    }

    /** Log-normal around the asked average (sigma 0.8): most records modest, a long tail of busy ones. */
    private int ordinaryTarget(SplittableRandom random) {
        double sigma = 0.8;
        double gaussian = gaussian(random);
        double value = settings.items() * Math.exp(sigma * gaussian - sigma * sigma / 2);
        return (int) Math.max(10, Math.min(settings.items() * 6.0, Math.round(value)));
    }

    private static double gaussian(SplittableRandom random) {
        double u1 = 1.0 - random.nextDouble();
        double u2 = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
    }

    public Result writeTo(GpRecordStore store, Consumer<String> progress) {
        long started = System.nanoTime();
        NhsNumbers numbers = new NhsNumbers(numbersInUse(store));
        BinaryStore binaries = new BinaryStore(store);
        long resources = 0;
        long documents = 0;
        int every = Math.max(1, settings.patients() / 20);
        List<WrittenPatient> written = new java.util.ArrayList<>(settings.patients());
        for (int n = 1; n <= settings.patients(); n++) {
            String nhsNumber = numbers.next();
            PatientFile file = patientFile(n, nhsNumber);
            List<ObjectNode> record = file.resources();
            store.inTransaction(writer -> {
                for (ObjectNode resource : record) {
                    writer.save(settings.odsCode(), resource, null);
                }
                for (Document document : file.documents()) {
                    binaries.write(writer, settings.odsCode(), document.binaryId(), document.contentType(),
                            new ByteArrayInputStream(document.content()));
                }
                writer.savePatientRecord(settings.odsCode(), DataSetLoader.patientRecord(record.get(0),
                        PatientChart.object()));
                return null;
            });
            resources += record.size();
            documents += file.documents().size();
            written.add(new WrittenPatient(PATIENT_ID_PREFIX + n, nhsNumber, record.size(), heavy(n)));
            if (n % every == 0 || n == settings.patients()) {
                long ms = (System.nanoTime() - started) / 1_000_000;
                progress.accept(String.format("%d/%d patients, %d resources, %.1f s", n, settings.patients(), resources, ms / 1000.0));
            }
        }
        return new Result(settings.patients(), resources, documents, (System.nanoTime() - started) / 1_000_000, List.copyOf(written));
    }

    /** NHS numbers of patients that are not synthetic (in any practice): ours must never reuse them. */
    static Set<String> numbersInUse(GpRecordStore store) {
        return store.inTransaction(writer -> {
            Set<String> used = new HashSet<>();
            try (PreparedStatement ps = writer.connection().prepareStatement(
                    "SELECT nhs_number FROM patient_record WHERE id NOT LIKE ?")) {
                ps.setString(1, PATIENT_ID_PREFIX + "%");
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        used.add(rs.getString(1));
                    }
                }
            }
            return used;
        });
    }
}
