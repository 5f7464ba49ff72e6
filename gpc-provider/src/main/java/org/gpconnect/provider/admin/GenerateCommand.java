package org.gpconnect.provider.admin;

import com.zaxxer.hikari.HikariDataSource;
import org.gpconnect.provider.GpConnectCommand.StoreOptions;
import org.gpconnect.store.Database;
import org.gpconnect.store.GpRecordStore;
import org.gpconnect.store.dataset.DataSetLoader;
import org.gpconnect.store.synthetic.SyntheticRecordGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.List;

import java.util.concurrent.Callable;

/**
 * Writes synthetic GP records (docs/generator.md). The default data set is loaded first if the
 * store is new, so the practice, its practitioners and location the records reference exist.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Write synthetic multi-morbid patient records into a practice (deterministic from --seed).")
public class GenerateCommand implements Callable<Integer> {
    @Mixin
    StoreOptions store = new StoreOptions();

    @Option(names = "--practice", defaultValue = "B82617", description = "Practice ODS code (default ${DEFAULT-VALUE})")
    String odsCode;

    @Option(names = "--patients", defaultValue = "100", description = "Number of patients (default ${DEFAULT-VALUE})")
    int patients;

    @Option(names = "--items", defaultValue = "300", description = "Average resources per ordinary patient (default ${DEFAULT-VALUE})")
    int items;

    @Option(names = "--heavy", defaultValue = "0", description = "Percentage of heavy patients (default ${DEFAULT-VALUE})")
    double heavy;

    @Option(names = "--heavy-items", defaultValue = "3000", description = "Resources per heavy patient (default ${DEFAULT-VALUE})")
    int heavyItems;

    @Option(names = "--seed", defaultValue = "42", description = "Random seed (default ${DEFAULT-VALUE})")
    long seed;

    @Option(names = "--patient-list", description = "Also write the patients written (id, NHS number, resources, heavy) to this CSV file")
    java.nio.file.Path patientList;

    @Override
    public Integer call() throws java.io.IOException {
        String[] connection = store.connection();
        try (HikariDataSource dataSource = Database.open(connection[0], connection[1], connection[2], 2)) {
            GpRecordStore records = new GpRecordStore(dataSource);
            new DataSetLoader(records).loadOnce("default");
            if (records.practice(odsCode).isEmpty()) {
                System.err.println("No practice " + odsCode + " in this store.");
                return 2;
            }
            SyntheticRecordGenerator generator = new SyntheticRecordGenerator(
                    new SyntheticRecordGenerator.Settings(odsCode, patients, items, heavy, heavyItems, seed));
            SyntheticRecordGenerator.Result result = generator.writeTo(records, System.out::println);
            records.refreshStatistics();
            System.out.printf("Wrote %d patients, %d resources (%d documents) into %s in %.1f s (%.0f resources/s).%n",
                    result.patients(), result.resources(), result.documents(), odsCode, result.millis() / 1000.0,
                    result.resources() * 1000.0 / Math.max(1, result.millis()));
            if (patientList != null) {
                List<String> lines = new java.util.ArrayList<>(List.of("id,nhs_number,resources,heavy"));
                result.written().forEach(p -> lines.add(p.id() + "," + p.nhsNumber() + "," + p.resources() + "," + p.heavy()));
                java.nio.file.Files.write(patientList, lines);
            }
            return 0;
        }
    }
}
