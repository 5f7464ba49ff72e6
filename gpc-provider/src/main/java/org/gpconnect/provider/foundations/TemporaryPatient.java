package org.gpconnect.provider.foundations;

import ca.uhn.fhir.model.api.TemporalPrecisionEnum;
import org.gpconnect.fhir.identifier.IdentifierSystem;
import org.gpconnect.store.pds.PdsRecord;
import org.hl7.fhir.dstu3.model.Address;
import org.hl7.fhir.dstu3.model.CodeableConcept;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.ContactPoint;
import org.hl7.fhir.dstu3.model.DateTimeType;
import org.hl7.fhir.dstu3.model.Enumerations.AdministrativeGender;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.HumanName;
import org.hl7.fhir.dstu3.model.IdType;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Meta;
import org.hl7.fhir.dstu3.model.Patient;
import org.hl7.fhir.dstu3.model.Period;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Type;

import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.TimeZone;

/**
 * The Patient a registration stores: the consumer's demographics; for what they left out, the
 * practice's earlier record of the patient, else PDS; and a temporary registration starting now.
 * Temporary addresses and telecoms end when the temporary registration expires.
 */
final class TemporaryPatient {
    static final String REGISTRATION_DETAILS = org.gpconnect.fhir.patient.GpcPatient.REGISTRATION_DETAILS_EXTENSION;
    static final String REGISTRATION_TYPE = org.gpconnect.fhir.patient.GpcPatient.REGISTRATION_TYPE_SYSTEM;
    static final String VERIFICATION_STATUS = org.gpconnect.fhir.patient.GpcPatient.NHS_NUMBER_VERIFICATION_SYSTEM;
    /** A temporary resident is registered for up to three months. */
    static final int TEMPORARY_MONTHS = 3;

    private TemporaryPatient() {}

    /**
     * @param previous      the practice's inactive record of the patient, re-activated; null for a new record
     * @param mainSurgery   Location id of the practice's main surgery, or null where unknown
     */
    static Patient build(String id, RegistrationRequest request, PdsRecord pds, Patient previous,
                         String organizationId, String mainSurgery, ZonedDateTime now) {
        Patient submitted = request.patient();
        Patient patient = previous == null ? new Patient() : previous.copy();
        patient.setIdElement(new IdType("Patient", id));
        patient.setMeta(new Meta().addProfile(RegistrationRequest.PATIENT_PROFILE));
        patient.setActive(true);
        patient.setIdentifier(new ArrayList<>(List.of(verifiedNhsNumber(request.nhsNumber()))));
        patient.setName(copies(submitted.getName(), HumanName::copy));
        patient.setBirthDateElement(submitted.getBirthDateElement().copy());
        if (submitted.hasGender()) {
            patient.setGender(submitted.getGender());
        } else if (!patient.hasGender()) {
            patient.setGender(pdsGender(pds));
        }
        if (submitted.hasAddress()) {
            patient.setAddress(copies(submitted.getAddress(), Address::copy));
        } else if (!patient.hasAddress() && pds.address() != null && !pds.address().isBlank()) {
            patient.addAddress(pdsAddress(pds));
        }
        if (submitted.hasTelecom()) {
            patient.setTelecom(copies(submitted.getTelecom(), ContactPoint::copy));
        }
        endTemporaryContactsWith(patient, now.toLocalDate().plusMonths(TEMPORARY_MONTHS).toString());
        Reference preferredSurgery = previousPreferredSurgery(previous);
        if (preferredSurgery == null && mainSurgery != null) {
            preferredSurgery = new Reference("Location/" + mainSurgery);
        }
        patient.getExtension().removeIf(e -> REGISTRATION_DETAILS.equals(e.getUrl()));
        patient.getExtension().add(0, registrationDetails(now, preferredSurgery));
        request.nhsCommunication().ifPresent(communication -> {
            patient.getExtension().removeIf(e -> RegistrationRequest.NHS_COMMUNICATION.equals(e.getUrl()));
            patient.getExtension().add(communication.copy());
        });
        patient.setManagingOrganization(new Reference("Organization/" + organizationId));
        return patient;
    }

    private static Identifier verifiedNhsNumber(String nhsNumber) {
        Identifier identifier = new Identifier().setSystem(IdentifierSystem.NHS_NUMBER).setValue(nhsNumber);
        identifier.addExtension(SharablePatients.VERIFICATION_EXTENSION,
                new CodeableConcept().addCoding(new Coding(VERIFICATION_STATUS, "01", "Number present and verified")));
        return identifier;
    }

    private static Extension registrationDetails(ZonedDateTime now, Reference preferredSurgery) {
        DateTimeType start = new DateTimeType(Date.from(now.toInstant()), TemporalPrecisionEnum.SECOND,
                TimeZone.getTimeZone(now.getZone()));
        Extension details = new Extension(REGISTRATION_DETAILS);
        details.addExtension("registrationPeriod", new Period().setStartElement(start));
        details.addExtension("registrationType", new CodeableConcept().addCoding(new Coding(REGISTRATION_TYPE, "T", "Temporary")));
        if (preferredSurgery != null) {
            details.addExtension("preferredBranchSurgery", preferredSurgery);
        }
        return details;
    }

    /** A re-activated patient keeps the surgery they chose before, where the old record names one. */
    private static Reference previousPreferredSurgery(Patient previous) {
        if (previous == null) {
            return null;
        }
        for (Extension details : previous.getExtensionsByUrl(REGISTRATION_DETAILS)) {
            for (Extension surgery : details.getExtensionsByUrl("preferredBranchSurgery")) {
                Type value = surgery.getValue();
                if (value instanceof Reference reference && reference.getReference() != null
                        && reference.getReference().startsWith("Location/")) {
                    return new Reference(reference.getReference());
                }
            }
        }
        return null;
    }

    private static void endTemporaryContactsWith(Patient patient, String expiry) {
        for (Address address : patient.getAddress()) {
            if (address.getUse() == Address.AddressUse.TEMP) {
                address.getPeriod().setEndElement(new DateTimeType(expiry));
            }
        }
        for (ContactPoint telecom : patient.getTelecom()) {
            if (telecom.getUse() == ContactPoint.ContactPointUse.TEMP) {
                telecom.getPeriod().setEndElement(new DateTimeType(expiry));
            }
        }
    }

    private static AdministrativeGender pdsGender(PdsRecord pds) {
        if (pds.gender() == null) {
            return null;
        }
        return switch (pds.gender().toLowerCase(Locale.ROOT)) {
            case "male" -> AdministrativeGender.MALE;
            case "female" -> AdministrativeGender.FEMALE;
            case "other" -> AdministrativeGender.OTHER;
            default -> AdministrativeGender.UNKNOWN;
        };
    }

    /** PDS keeps the address as comma-separated lines and a postcode. */
    private static Address pdsAddress(PdsRecord pds) {
        Address address = new Address().setUse(Address.AddressUse.HOME).setType(Address.AddressType.PHYSICAL);
        Arrays.stream(pds.address().split(",")).map(String::trim).filter(l -> !l.isEmpty()).forEach(address::addLine);
        if (pds.postalCode() != null && !pds.postalCode().isBlank()) {
            address.setPostalCode(pds.postalCode());
        }
        return address;
    }

    private static <T> List<T> copies(List<T> items, java.util.function.UnaryOperator<T> copy) {
        return new ArrayList<>(items.stream().map(copy).toList());
    }
}
