package org.gpconnect.provider.admin;

import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.gpconnect.fhir.jwt.ConsumerJwt;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.util.UUID;
import java.util.concurrent.Callable;

/**
 * Prints a ready-to-run curl command for Find a patient, with the Spine headers and a fresh JWT
 * (valid for five minutes), so that a newcomer can see a real GP Connect exchange at once.
 */
@Command(name = "curl-example", mixinStandardHelpOptions = true,
        description = "Print a curl command that finds a patient on a running provider (fresh JWT, valid 5 minutes).")
public class CurlExampleCommand implements Callable<Integer> {
    @Option(names = "--base", description = "Service root (default http://localhost:8080/B82617/STU3/1/gpconnect)")
    String base = "http://localhost:8080/B82617/STU3/1/gpconnect";

    @Option(names = "--nhs-number", description = "NHS number to find (default 9690937286, the test suite's patient2)")
    String nhsNumber = "9690937286";

    @Option(names = "--asid-to", description = "Provider ASID (default 918999198738)")
    String asidTo = "918999198738";

    @Override
    public Integer call() {
        String token = ConsumerJwt.forAudience(base).scope("patient/*.read").encode();
        System.out.println("curl -s '" + base + "/Patient?identifier=https://fhir.nhs.uk/Id/nhs-number%7C" + nhsNumber + "' \\\n"
                + "  -H 'Ssp-TraceID: " + UUID.randomUUID() + "' \\\n"
                + "  -H 'Ssp-From: 200000000359' \\\n"
                + "  -H 'Ssp-To: " + asidTo + "' \\\n"
                + "  -H 'Ssp-InteractionID: " + InteractionCatalogue.SEARCH_PATIENT + "' \\\n"
                + "  -H 'Accept: application/fhir+json' \\\n"
                + "  -H 'Authorization: Bearer " + token + "'");
        return 0;
    }
}
