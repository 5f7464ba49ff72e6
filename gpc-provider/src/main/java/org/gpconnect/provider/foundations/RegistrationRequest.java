package org.gpconnect.provider.foundations;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.identifier.IdentifierSystem;
import org.gpconnect.fhir.identifier.NhsNumber;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Property;
import org.hl7.fhir.dstu3.model.StringType;
import org.hl7.fhir.dstu3.model.UriType;

import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The Patient a consumer sends to register, checked against the operation's rules: the minimum a
 * PDS trace needs (NHS number, one official name with family and given, birth date) and nothing
 * beyond the elements the spec lets a consumer send. Each rule answers with the code NHS England's
 * test suite expects of it, which is why some are 400 BAD_REQUEST and others 422 INVALID_RESOURCE.
 */
record RegistrationRequest(Patient patient, String nhsNumber) {
    static final String PATIENT_PROFILE = org.gpconnect.fhir.patient.GpcPatient.PROFILE;
    static final String NHS_COMMUNICATION = org.gpconnect.fhir.patient.GpcPatient.NHS_COMMUNICATION_EXTENSION;

    /** What a consumer may populate; "all other fields MUST NOT be populated". */
    private static final Set<String> ALLOWED = Set.of("id", "meta", "extension", "identifier", "name", "telecom",
            "gender", "birthDate", "address");
    private static final Set<ContactPoint.ContactPointUse> PHONE_USES = EnumSet.of(ContactPoint.ContactPointUse.HOME,
            ContactPoint.ContactPointUse.WORK, ContactPoint.ContactPointUse.MOBILE, ContactPoint.ContactPointUse.TEMP);

    static RegistrationRequest of(Patient submitted) {
        onlyAllowedElements(submitted);
        profile(submitted);
        extensions(submitted);
        String nhsNumber = nhsNumber(submitted);
        officialName(submitted);
        birthDate(submitted);
        addresses(submitted);
        telecoms(submitted);
        return new RegistrationRequest(submitted, nhsNumber);
    }

    HumanName officialName() {
        return patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).findFirst().orElseThrow();
    }

    LocalDate birthDate() {
        return LocalDate.parse(patient.getBirthDateElement().getValueAsString());
    }

    Optional<Extension> nhsCommunication() {
        return patient.getExtensionsByUrl(NHS_COMMUNICATION).stream().findFirst();
    }

    /** The consumer's demographics, as PDS is asked to confirm them. */
    PdsTrace trace() {
        HumanName name = officialName();
        return new PdsTrace(name.getFamily(), name.getGiven().get(0).getValue(), birthDate());
    }

    private static void onlyAllowedElements(Patient patient) {
        for (Property property : patient.children()) {
            if (property.hasValues() && !ALLOWED.contains(property.getName())) {
                throw invalid("Patient." + property.getName().replace("[x]", "") + " must not be sent to register a patient");
            }
        }
    }

    /** Meta is tolerated (the test suite's not-on-PDS request has none); a profile, if named, must be ours. */
    private static void profile(Patient patient) {
        List<UriType> profiles = patient.getMeta().getProfile();
        if (!profiles.isEmpty() && profiles.stream().noneMatch(p -> PATIENT_PROFILE.equals(p.getValue()))) {
            throw invalid("Patient.meta.profile must be " + PATIENT_PROFILE);
        }
    }

    private static void extensions(Patient patient) {
        for (Extension extension : patient.getExtension()) {
            if (!NHS_COMMUNICATION.equals(extension.getUrl())) {
                throw invalid("Patient.extension " + extension.getUrl() + " must not be sent: nhsCommunication is the only one allowed");
            }
        }
        List<Extension> communication = patient.getExtensionsByUrl(NHS_COMMUNICATION);
        if (communication.size() > 1) {
            throw invalid("Patient.extension nhsCommunication may be sent once only");
        }
        for (Extension extension : communication) {
            List<Extension> language = extension.getExtensionsByUrl("language");
            if (language.size() != 1 || !(language.get(0).getValue() instanceof org.hl7.fhir.dstu3.model.CodeableConcept)) {
                throw invalid("Patient.extension nhsCommunication needs exactly one language (a CodeableConcept)");
            }
        }
    }

    private static String nhsNumber(Patient patient) {
        for (Identifier identifier : patient.getIdentifier()) {
            if (identifier.getSystem() == null || identifier.getSystem().isBlank()) {
                throw SpineException.badRequest("Patient.identifier " + identifier.getValue() + " has no system");
            }
        }
        List<Identifier> nhs = patient.getIdentifier().stream()
                .filter(i -> IdentifierSystem.NHS_NUMBER.equals(i.getSystem())).toList();
        if (nhs.isEmpty()) {
            throw new SpineException(SpineErrorCode.INVALID_NHS_NUMBER, "Patient.identifier has no NHS number ("
                    + IdentifierSystem.NHS_NUMBER + ")");
        }
        if (nhs.size() > 1) {
            throw new SpineException(SpineErrorCode.INVALID_NHS_NUMBER, "Patient.identifier holds more than one NHS number");
        }
        String value = nhs.get(0).getValue();
        if (!NhsNumber.isValid(value)) {
            throw new SpineException(SpineErrorCode.INVALID_NHS_NUMBER, "Patient.identifier NHS number " + value
                    + " is not ten digits with a valid check digit");
        }
        return value;
    }

    private static void officialName(Patient patient) {
        if (!patient.hasName()) {
            throw SpineException.badRequest("Patient.name is missing: an official name with family and given name is needed");
        }
        List<HumanName> official = patient.getName().stream().filter(n -> n.getUse() == HumanName.NameUse.OFFICIAL).toList();
        if (official.isEmpty()) {
            throw SpineException.badRequest("Patient.name has no name with use official");
        }
        if (official.size() > 1) {
            throw SpineException.badRequest("Patient.name has more than one name with use official");
        }
        HumanName name = official.get(0);
        if (name.getFamily() == null || name.getFamily().isBlank()) {
            throw SpineException.badRequest("Patient.name (official) has no family name");
        }
        if (name.getGiven().isEmpty() || name.getGiven().stream().map(StringType::getValue).anyMatch(g -> g == null || g.isBlank())) {
            throw SpineException.badRequest("Patient.name (official) has no given name");
        }
    }

    private static void birthDate(Patient patient) {
        if (!patient.hasBirthDate()) {
            throw SpineException.badRequest("Patient.birthDate is missing");
        }
        if (patient.getBirthDateElement().getPrecision() != TemporalPrecisionEnum.DAY) {
            throw invalid("Patient.birthDate needs year, month and day for the PDS trace");
        }
    }

    /** One home and one temporary address at most, and no other use. */
    private static void addresses(Patient patient) {
        Set<Address.AddressUse> seen = EnumSet.noneOf(Address.AddressUse.class);
        for (Address address : patient.getAddress()) {
            Address.AddressUse use = address.getUse();
            if (use != Address.AddressUse.HOME && use != Address.AddressUse.TEMP) {
                throw invalid("Patient.address use " + (use == null ? "(none)" : use.toCode()) + " is not allowed: home or temp only");
            }
            if (!seen.add(use)) {
                throw invalid("Patient.address holds more than one " + use.toCode() + " address");
            }
            if (address.hasState()) {
                throw invalid("Patient.address.state is not allowed by CareConnect-GPC-Patient-1");
            }
        }
    }

    /** Phones with use home, work, mobile or temp and one email, each at most once. */
    private static void telecoms(Patient patient) {
        Set<String> seen = new HashSet<>();
        for (ContactPoint telecom : patient.getTelecom()) {
            if (!telecom.hasSystem() || !telecom.hasValue()) {
                throw invalid("Patient.telecom needs a system and a value");
            }
            String kind;
            if (telecom.getSystem() == ContactPoint.ContactPointSystem.PHONE) {
                if (!PHONE_USES.contains(telecom.getUse())) {
                    throw invalid("Patient.telecom phone needs use home, work, mobile or temp");
                }
                kind = "phone " + telecom.getUse().toCode();
            } else if (telecom.getSystem() == ContactPoint.ContactPointSystem.EMAIL) {
                kind = "email";
            } else {
                throw invalid("Patient.telecom system " + telecom.getSystem().toCode() + " is not allowed: phone or email only");
            }
            if (!seen.add(kind)) {
                throw SpineException.badRequest("Patient.telecom holds more than one " + kind);
            }
        }
    }

    private static SpineException invalid(String diagnostics) {
        return new SpineException(SpineErrorCode.INVALID_RESOURCE, diagnostics);
    }
}
