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

    /**
     * Errors only; the structured Bundle's deliberate lack of fullUrl is not one (see shared/fhir/README),
     * nor is what the validator cannot check offline (see {@link #checkable}).
     */
    public static List<String> errors(IBaseResource resource) {
        ValidationResult result = validator().validateWithResult(resource);
        return checkable(result.getMessages().stream()
                .filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
                .filter(m -> !m.getMessage().contains("fullUrl"))
                .map(ProfileValidator::describe)
                .toList());
    }

    /**
     * Drops the errors that only say the validator could not check something, never that the resource is wrong:
     * <ul>
     * <li>CareConnect base extension profiles (fhir.hl7.org.uk) referenced by the GP Connect profiles but not
     * published in the profile folder ("Unable to resolve profile"), and likewise CareConnect base resource profiles
     * that a reference may target (CareConnect-GPC-DocumentReference-1's author may be a CareConnect-RelatedPerson-1:
     * "Unable to resolve the profile reference");</li>
     * <li>required bindings to SNOMED CT intensional value sets (Medication.code, Condition.code,
     * ReferralRequest.reasonCode): no SNOMED CT release is available offline, so the value set cannot be
     * expanded ("CodeSystem 'http://snomed.info/sct' is ignored/not-present"), and the membership error that
     * follows at the same location is dropped with it, but only when every code it names is a SNOMED CT code;</li>
     * <li>the published contradiction on repeat information: CareConnect-GPC-MedicationRequest-1 types the counts
     * of its repeatInformation slice unsignedInt (as the 1.6.2 pages do) while the extension's own definition types
     * them positiveInt, so every value fails one of the two. The data set follows the MedicationRequest profile and
     * the pages (unsignedInt); only the extension definition's complaint about that is dropped.</li>
     * </ul>
     */
    static List<String> checkable(List<String> errors) {
        java.util.Set<String> unexpandable = new java.util.HashSet<>();
        for (String e : errors) {
            if (e.contains("Unable to expand ValueSet") && e.contains("CodeSystem 'http://snomed.info/sct' is ignored/not-present")) {
                unexpandable.add(location(e));
            }
        }
        return errors.stream()
                .filter(e -> !e.contains("Unable to resolve profile CanonicalType[https://fhir.hl7.org.uk/STU3/StructureDefinition/Extension-CareConnect-"))
                .filter(e -> !e.contains("Unable to resolve the profile reference 'https://fhir.hl7.org.uk/STU3/StructureDefinition/CareConnect-"))
                .filter(e -> !(e.contains("Unable to expand ValueSet") && e.contains("CodeSystem 'http://snomed.info/sct' is ignored/not-present")))
                .filter(e -> !repeatInformationContradiction(e))
                .filter(e -> !(snomedOnlyMembership(e) && (unexpandable.contains(location(e)) || e.contains("Failed to expand ValueSet"))))
                .toList();
    }

    private static boolean repeatInformationContradiction(String e) {
        String extension = "(from https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationRepeatInformation-1|";
        String defined = "profile https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-MedicationRepeatInformation-1|";
        return (e.contains(".value.ofType(unsignedInt): This element is not allowed by the " + defined))
                || (e.contains("Slice 'Extension.extension:numberOfRepeatPrescriptionsAllowed.valuePositiveInt:valuePositiveInt': a matching slice is required")
                    && e.contains(extension));
    }

    private static boolean snomedOnlyMembership(String e) {
        boolean membership = e.contains("None of the codings provided are in the value set") || e.contains("was not found in the value set");
        if (!membership) {
            return false;
        }
        java.util.regex.Matcher all = java.util.regex.Pattern.compile("([a-z]+://[^#\\s,)]+)#").matcher(e);
        boolean any = false;
        while (all.find()) {
            any = true;
            if (!"http://snomed.info/sct".equals(all.group(1))) {
                return false;
            }
        }
        return any;
    }

    private static String location(String error) {
        String at = error.substring(0, Math.max(0, error.indexOf(": ")));
        return at.replaceAll("\\.coding\\[\\d+\\]$", "");
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
