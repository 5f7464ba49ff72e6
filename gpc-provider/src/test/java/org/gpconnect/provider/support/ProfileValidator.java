package org.gpconnect.provider.support;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.junit.jupiter.api.Assumptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * Validates what the server returns against NHS England's published GP Connect profiles, read
 * from the folder in the system property gpc.fhir.dir (default ../shared/fhir/gpconnect-fhir).
 * Tests skip validation, saying so, where the folder is absent.
 */
public final class ProfileValidator {
    private static final Logger LOG = LoggerFactory.getLogger(ProfileValidator.class);
    private static FhirValidator validator;

    private ProfileValidator() {}

    public static Path folder() {
        return Path.of(System.getProperty("gpc.fhir.dir", "../../shared/fhir/gpconnect-fhir"));
    }

    /** Errors only; the structured Bundle's deliberate lack of fullUrl is not one (see shared/fhir/README). */
    public static List<String> errors(IBaseResource resource) {
        ValidationResult result = validator().validateWithResult(resource);
        return result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .filter(m -> !m.getMessage().contains("fullUrl"))
                .map(ProfileValidator::describe)
                .toList();
    }

    private static String describe(SingleValidationMessage message) {
        return message.getLocationString() + ": " + message.getMessage();
    }

    private static synchronized FhirValidator validator() {
        Path folder = folder();
        Assumptions.assumeTrue(Files.isDirectory(folder),
                "Profile validation skipped: the official GP Connect profiles are not at " + folder.toAbsolutePath()
                        + " (set -Dgpc.fhir.dir)");
        if (validator == null) {
            FhirContext fhir = Response.FHIR;
            PrePopulatedValidationSupport gpConnect = new PrePopulatedValidationSupport(fhir);
            try (Stream<Path> files = Files.walk(folder)) {
                files.filter(f -> f.toString().endsWith(".xml")).forEach(file -> {
                    try {
                        gpConnect.addResource(fhir.newXmlParser().parseResource(Files.readString(file)));
                    } catch (Exception e) {
                        // a known defect in the published assets: one ValueSet is not well-formed XML
                        LOG.info("Skipping unreadable conformance file {}: {}", file.getFileName(), e.getMessage());
                    }
                });
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            ValidationSupportChain chain = new ValidationSupportChain(
                    gpConnect,
                    new DefaultProfileValidationSupport(fhir),
                    new CommonCodeSystemsTerminologyService(fhir),
                    new InMemoryTerminologyServerValidationSupport(fhir),
                    new SnapshotGeneratingValidationSupport(fhir));
            FhirInstanceValidator module = new FhirInstanceValidator(chain);
            module.setAnyExtensionsAllowed(true);
            module.setNoTerminologyChecks(false);
            validator = fhir.newValidator().registerValidatorModule(module);
        }
        return validator;
    }
}
