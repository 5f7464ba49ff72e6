package org.gpconnect.provider.appointments;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.StrictErrorHandler;
import org.gpconnect.fhir.error.SpineErrorCode;
import org.gpconnect.fhir.error.SpineException;
import org.gpconnect.fhir.identifier.IdentifierSystem;
import org.gpconnect.provider.spine.ParametersBody;
import org.hl7.fhir.dstu3.model.Appointment;
import org.hl7.fhir.dstu3.model.Appointment.AppointmentParticipantComponent;
import org.hl7.fhir.dstu3.model.Coding;
import org.hl7.fhir.dstu3.model.Extension;
import org.hl7.fhir.dstu3.model.Identifier;
import org.hl7.fhir.dstu3.model.Organization;
import org.hl7.fhir.dstu3.model.Property;
import org.hl7.fhir.dstu3.model.Reference;
import org.hl7.fhir.dstu3.model.Resource;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Appointment a consumer sends to book (appointments_use_case_book_an_appointment), checked for what
 * can be checked without the store: GPConnect-Appointment-1's cardinalities, the elements a consumer may
 * send, the contained booking organisation, one Patient and one Location participant, relative references.
 * Every breach is 422 INVALID_RESOURCE, as NHS England's test suite expects of each (AppointmentBook.feature),
 * including references that could never resolve (an absolute or malformed Slot reference).
 */
record BookingRequest(Appointment appointment, List<String> slotIds, String patientId, String locationId,
                      String practitionerId, Organization bookingOrganization, String bookingOds, String bookingOrgType,
                      Instant start, Instant end) {
    static final String PROFILE = "https://fhir.nhs.uk/STU3/StructureDefinition/GPConnect-Appointment-1";
    static final String BOOKING_ORGANISATION = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-BookingOrganisation-1";
    static final String PRACTITIONER_ROLE = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-GPConnect-PractitionerRole-1";
    static final String DELIVERY_CHANNEL = org.gpconnect.store.SlotRow.DELIVERY_CHANNEL;
    static final String ORGANISATION_TYPE = "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-OrganisationType-1";
    /**
     * What we store of the free texts, in full and never truncated. GP Connect asks consumers to keep to 100 and
     * 500 characters; ours are ten times that, and longer is refused rather than cut (the spec's own rule).
     */
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_COMMENT = 5000;

    /** What a consumer may send; reason and specialty, and what the profile forbids (0..0), are refused. */
    private static final Set<String> ALLOWED = Set.of("meta", "contained", "extension", "identifier", "status",
            "serviceCategory", "serviceType", "priority", "description", "start", "end", "minutesDuration", "slot",
            "created", "comment", "participant");
    /** The extensions the provider understands on a booking; practitioner role and channel are replaced by the slot's. */
    private static final Set<String> EXTENSIONS = Set.of(BOOKING_ORGANISATION, PRACTITIONER_ROLE, DELIVERY_CHANNEL);
    private static final Pattern LOGICAL_ID = Pattern.compile("[A-Za-z0-9\\-.]{1,64}");

    /** Reads the body strictly: an unknown element or resource type is an invalid resource, not ignored. */
    static BookingRequest read(FhirContext fhir, String body, String contentType) {
        return of(ParametersBody.resource(fhir, body, contentType,
                "The request has no body: it needs the Appointment to book", new StrictErrorHandler(), Appointment.class));
    }

    static BookingRequest of(Appointment appointment) {
        if (appointment.hasIdElement() && !appointment.getIdElement().isEmpty()) {
            throw invalid("Appointment.id must not be sent: the provider assigns it");
        }
        onlyAllowedElements(appointment);
        extensions(appointment);
        identifiers(appointment);
        if (appointment.getStatus() != Appointment.AppointmentStatus.BOOKED) {
            throw invalid("Appointment.status must be booked");
        }
        if (!appointment.hasStart() || !appointment.hasEnd()) {
            throw invalid("Appointment.start and Appointment.end are both required");
        }
        Instant start = appointment.getStart().toInstant();
        Instant end = appointment.getEnd().toInstant();
        if (!end.isAfter(start)) {
            throw invalid("Appointment.end must be after Appointment.start");
        }
        if (!appointment.hasCreated()) {
            throw invalid("Appointment.created is required: when the consumer made the booking");
        }
        texts(appointment.getDescription(), appointment.getComment());
        Organization organization = bookingOrganization(appointment);
        Participants participants = participants(appointment);
        return new BookingRequest(appointment, slotIds(appointment), participants.patient, participants.location,
                participants.practitioner, organization, odsCode(organization), organisationType(organization), start, end);
    }

    /** The description and comment rules of booking and amending alike. */
    static void texts(String description, String comment) {
        if (description == null || description.isBlank()) {
            throw invalid("Appointment.description is required");
        }
        if (description.length() > MAX_DESCRIPTION) {
            throw invalid("Appointment.description has " + description.length() + " characters: this provider stores up to "
                    + MAX_DESCRIPTION + " and never truncates");
        }
        if (comment != null && comment.length() > MAX_COMMENT) {
            throw invalid("Appointment.comment has " + comment.length() + " characters: this provider stores up to "
                    + MAX_COMMENT + " and never truncates");
        }
    }

    private static void onlyAllowedElements(Appointment appointment) {
        for (Property property : appointment.children()) {
            if (property.hasValues() && !ALLOWED.contains(property.getName())) {
                throw invalid("Appointment." + property.getName().replace("[x]", "") + " must not be sent to book an appointment");
            }
        }
        if (appointment.hasModifierExtension()) {
            throw invalid("Appointment.modifierExtension must not be sent to book an appointment");
        }
    }

    private static void extensions(Appointment appointment) {
        for (Extension extension : appointment.getExtension()) {
            if (!EXTENSIONS.contains(extension.getUrl())) {
                throw invalid("Appointment.extension " + extension.getUrl() + " is not an extension of GPConnect-Appointment-1");
            }
        }
        if (appointment.getExtensionsByUrl(BOOKING_ORGANISATION).size() != 1) {
            throw invalid("Appointment needs exactly one bookingOrganisation extension (" + BOOKING_ORGANISATION + ")");
        }
    }

    private static void identifiers(Appointment appointment) {
        for (Identifier identifier : appointment.getIdentifier()) {
            if (!identifier.hasSystem() || !identifier.hasValue()) {
                throw invalid("Appointment.identifier needs a system and a value");
            }
        }
    }

    /** The booking organisation: a contained Organization the extension points at with a local reference (#1). */
    private static Organization bookingOrganization(Appointment appointment) {
        Extension extension = appointment.getExtensionsByUrl(BOOKING_ORGANISATION).get(0);
        if (!(extension.getValue() instanceof Reference reference) || reference.getReference() == null
                || !reference.getReference().startsWith("#")) {
            throw invalid("The bookingOrganisation extension must reference the contained Organization locally (#1)");
        }
        String localId = reference.getReference().substring(1);
        if (appointment.getContained().size() != 1) {
            throw invalid("Appointment.contained must hold the booking Organization and nothing else");
        }
        Resource contained = appointment.getContained().get(0);
        if (!(contained instanceof Organization organization) || !localId.equals(contained.getIdElement().getIdPart().replace("#", ""))) {
            throw invalid("The bookingOrganisation extension references #" + localId + ", which is not the contained Organization");
        }
        if (organization.getName() == null || organization.getName().isBlank()) {
            throw invalid("The booking Organization needs a name");
        }
        if (organization.getTelecom().stream().noneMatch(t -> t.hasValue())) {
            throw invalid("The booking Organization needs a telecom");
        }
        return organization;
    }

    private static String odsCode(Organization organization) {
        List<Identifier> ods = organization.getIdentifier().stream()
                .filter(i -> IdentifierSystem.ODS_ORGANIZATION_CODE.equals(i.getSystem())).toList();
        if (ods.size() != 1 || !ods.get(0).hasValue() || ods.get(0).getValue().isBlank()) {
            throw invalid("The booking Organization needs one ODS code identifier (" + IdentifierSystem.ODS_ORGANIZATION_CODE + ")");
        }
        return ods.get(0).getValue();
    }

    /** The type the consumer searched with (optional): gp-practice or urgent-care. */
    private static String organisationType(Organization organization) {
        String type = null;
        for (Coding coding : organization.getType().stream().flatMap(t -> t.getCoding().stream()).toList()) {
            if (!ORGANISATION_TYPE.equals(coding.getSystem()) || !coding.hasCode()) {
                throw invalid("The booking Organization's type must be coded in " + ORGANISATION_TYPE);
            }
            type = coding.getCode();
        }
        return type;
    }

    private static List<String> slotIds(Appointment appointment) {
        if (appointment.getSlot().isEmpty()) {
            throw invalid("Appointment.slot is required: the free slots to book");
        }
        Set<String> ids = new LinkedHashSet<>();
        for (Reference slot : appointment.getSlot()) {
            String id = relativeId(slot, "Slot", "Appointment.slot");
            if (!ids.add(id)) {
                throw invalid("Appointment.slot names Slot/" + id + " twice");
            }
        }
        return new ArrayList<>(ids);
    }

    private record Participants(String patient, String location, String practitioner) {}

    /** One Patient, one Location and at most one Practitioner, each with an actor and a status. */
    private static Participants participants(Appointment appointment) {
        String patient = null;
        String location = null;
        String practitioner = null;
        for (AppointmentParticipantComponent participant : appointment.getParticipant()) {
            if (!participant.hasActor() || participant.getActor().getReference() == null) {
                throw invalid("Every Appointment.participant needs an actor");
            }
            if (participant.getStatus() == null) {
                throw invalid("Every Appointment.participant needs a status");
            }
            String reference = participant.getActor().getReference();
            String type = reference.contains("/") ? reference.substring(0, reference.indexOf('/')) : reference;
            switch (type) {
                case "Patient" -> patient = once(patient, relativeId(participant.getActor(), "Patient", "Appointment.participant"), "Patient");
                case "Location" -> location = once(location, relativeId(participant.getActor(), "Location", "Appointment.participant"), "Location");
                case "Practitioner" -> practitioner = once(practitioner,
                        relativeId(participant.getActor(), "Practitioner", "Appointment.participant"), "Practitioner");
                default -> throw invalid("Appointment.participant " + reference + " is not a Patient, Location or Practitioner");
            }
        }
        if (patient == null) {
            throw invalid("Appointment.participant must include the Patient");
        }
        if (location == null) {
            throw invalid("Appointment.participant must include the Location where the appointment takes place");
        }
        return new Participants(patient, location, practitioner);
    }

    private static String once(String found, String id, String type) {
        if (found != null) {
            throw invalid("Appointment.participant may name one " + type + " only");
        }
        return id;
    }

    /** A reference inside this server ("Slot/12"): absolute or malformed ones can never resolve here. */
    private static String relativeId(Reference reference, String type, String element) {
        String value = reference.getReference();
        String prefix = type + "/";
        if (value == null || !value.startsWith(prefix) || !LOGICAL_ID.matcher(value.substring(prefix.length())).matches()) {
            throw invalid(element + " " + value + " is not a reference to a " + type + " of this server (" + prefix + "id)");
        }
        return value.substring(prefix.length());
    }

    static SpineException invalid(String diagnostics) {
        return new SpineException(SpineErrorCode.INVALID_RESOURCE, diagnostics);
    }
}
