package org.gpconnect.bench;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code run}: closed-loop load of one scenario, warm-up discarded, then a latency/throughput report. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Closed-loop load: N clients each send, read the whole answer, send again, for the duration.")
final class RunCommand implements Callable<Integer> {
    static final String DEFAULT_NHS_NUMBERS = "9690937278,9690937286,9690937294,9690937308,9690937375";

    @Option(names = "--base", required = true, description = "Service root, e.g. http://127.0.0.1:8080/B82617/STU3/1/gpconnect")
    String base;

    @Option(names = "--scenario", defaultValue = "patient-search", converter = ScenarioConverter.class,
            description = "patient-search | metadata | patient-read | structured-record | document-search | slot-search | care-record (default: ${DEFAULT-VALUE})")
    Scenario scenario;

    @Option(names = "--clients", defaultValue = "8", description = "Concurrent closed-loop clients (default: ${DEFAULT-VALUE})")
    int clients;

    @Option(names = "--warmup", defaultValue = "10s", description = "Unrecorded warm-up (default: ${DEFAULT-VALUE})")
    Duration warmup;

    @Option(names = "--duration", defaultValue = "30s", description = "Recorded period (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--asid-to", defaultValue = "918999198738", description = "Ssp-To: the provider's ASID (default: ${DEFAULT-VALUE})")
    String asidTo;

    @Option(names = "--nhs-numbers", split = ",", defaultValue = DEFAULT_NHS_NUMBERS,
            description = "NHS numbers patient-search cycles through (default: ${DEFAULT-VALUE})")
    List<String> nhsNumbers;

    @Option(names = "--section", defaultValue = "SUM",
            description = "care-record: the record section (SUM, ENC, CLI, PRB, ALL, MED, REF, OBS, IMM, ADM) (default: ${DEFAULT-VALUE})")
    String section;

    @Option(names = "--patient-ids", split = ",",
            description = "Patient logical ids for patient-read (default: found by searching --nhs-numbers first) and document-search")
    List<String> patientIds;

    @Option(names = "--request-timeout", defaultValue = "10s", description = "Per-request timeout (default: ${DEFAULT-VALUE})")
    Duration requestTimeout;

    @Option(names = "--client", defaultValue = "raw", converter = ClientKindConverter.class,
            description = "raw (one keep-alive socket per client, pre-encoded requests) | jdk (java.net.http.HttpClient) (default: ${DEFAULT-VALUE})")
    ClientKind client;

    @Option(names = "--fresh-token-per-request",
            description = "Build a new JWT for every request, as a real consumer does; default: one per client thread, rebuilt every 60 s")
    boolean freshTokenPerRequest;

    @Option(names = "--json", description = "Also write the result as JSON to this file")
    Path json;

    @Option(names = "--count-resources",
            description = "After the run, send each distinct request once more and report the Bundle entries and bytes of the answers")
    boolean countResources;

    @Option(names = "--allow-remote", description = "Allow a --base that is not loopback")
    boolean allowRemote;

    @Override
    public Integer call() throws Exception {
        if (clients < 1 || duration.isZero() || duration.isNegative() || warmup.isNegative()) {
            System.err.println("--clients must be >= 1, --duration > 0, --warmup >= 0");
            return 2;
        }
        String root = GpcRequests.trimSlash(base);
        try {
            URI uri = LoopbackGuard.check(root, allowRemote);
            if (client == ClientKind.RAW && !"http".equals(uri.getScheme())) {
                System.err.println("--client raw speaks plain http only; use --client jdk for " + uri.getScheme());
                return 2;
            }
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            return 2;
        }
        List<String> keys = switch (scenario) {
            case PATIENT_SEARCH, STRUCTURED_RECORD -> nhsNumbers;
            // the 0.x JWT names one patient as its requested record
            case CARE_RECORD -> nhsNumbers.subList(0, 1);
            case METADATA -> List.of();
            case PATIENT_READ -> patientIds != null ? patientIds
                    : PatientIdResolver.resolve(root, asidTo, nhsNumbers, requestTimeout);
            // a documents root has its own Find a patient: ids are given, not looked up
            case DOCUMENT_SEARCH -> patientIds != null ? patientIds : List.of();
            // the practice searches its own slots: the ODS code of --base (/{ODS}/STU3/1/gpconnect)
            case SLOT_SEARCH -> List.of(root.split("/")[root.split("/").length - 4]);
        };
        if (scenario != Scenario.METADATA && keys.isEmpty()) {
            System.err.println("no " + (scenario == Scenario.PATIENT_READ ? "patient ids (none found by NHS number; pass --patient-ids)"
                    : scenario == Scenario.DOCUMENT_SEARCH ? "patient ids (pass --patient-ids)" : "NHS numbers"));
            return 2;
        }
        List<URI> targets = scenario.targets(root, keys);
        GpcRequests builder = new GpcRequests(root, asidTo, scenario.interactionId, requestTimeout,
                scenario == Scenario.CARE_RECORD ? keys.get(0) : null);
        List<byte[]> bodies = scenario.bodies(keys, section);
        if (!preflight(builder, bodies == null ? builder.get(targets.get(0)) : builder.post(targets.get(0), bodies.get(0)))) {
            return 1;
        }
        System.out.printf("%s: %d clients (%s), warm-up %s, measuring %s ...%n", scenario, clients, client,
                DurationConverter.format(warmup), DurationConverter.format(duration));
        LoadResult result = new LoadRun(root, scenario, targets, bodies, builder, client, freshTokenPerRequest, clients,
                warmup, duration, requestTimeout).execute();
        if (countResources) {
            List<java.net.http.HttpRequest> distinct = new java.util.ArrayList<>();
            for (int i = 0; i < Math.max(targets.size(), bodies == null ? 0 : bodies.size()); i++) {
                URI target = targets.get(Math.min(i, targets.size() - 1));
                distinct.add(bodies == null ? builder.get(target) : builder.post(target, bodies.get(i)));
            }
            result = result.withCensus(ResponseCensus.take(distinct));
        }
        Report.table(result, System.out);
        if (json != null) {
            Report.json(result, json);
        }
        return result.errors() == 0 ? 0 : 3;
    }

    /** One request first, so a server that is not there fails in a second and not after the whole run. */
    private boolean preflight(GpcRequests builder, java.net.http.HttpRequest request) throws InterruptedException {
        URI target = request.uri();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                String body = response.body();
                System.err.printf("warning: %s answered %d: %s%n", target, response.statusCode(),
                        body.length() > 300 ? body.substring(0, 300) + "..." : body);
            }
            return true;
        } catch (IOException e) {
            System.err.println("cannot reach " + target + ": " + e);
            return false;
        }
    }

    static final class ClientKindConverter implements picocli.CommandLine.ITypeConverter<ClientKind> {
        @Override
        public ClientKind convert(String value) {
            try {
                return ClientKind.fromCli(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }

    static final class ScenarioConverter implements picocli.CommandLine.ITypeConverter<Scenario> {
        @Override
        public Scenario convert(String value) {
            try {
                return Scenario.fromCli(value);
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
