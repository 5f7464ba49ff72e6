package org.gpconnect.provider.capability;

import ca.uhn.fhir.rest.annotation.Metadata;
import org.gpconnect.fhir.interaction.Interaction;
import org.gpconnect.fhir.interaction.InteractionCatalogue;
import org.gpconnect.fhir.interaction.ServiceRootKind;
import org.hl7.fhir.dstu3.model.CapabilityStatement;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.CapabilityStatementRestResourceComponent;
import org.hl7.fhir.dstu3.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.dstu3.model.Enumerations;
import org.hl7.fhir.dstu3.model.Reference;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The CapabilityStatement of one service root, built once from what this server implements, so it
 * never claims an interaction that would answer NOT_IMPLEMENTED.
 */
public class CapabilityStatements {
    public static final String SPEC_VERSION = "1.6.2";
    private static final String SD = "https://fhir.nhs.uk/STU3/StructureDefinition/";
    private static final Map<String, String> PROFILES = Map.of(
            "Patient", SD + "CareConnect-GPC-Patient-1",
            "Practitioner", SD + "CareConnect-GPC-Practitioner-1",
            "Organization", SD + "CareConnect-GPC-Organization-1",
            "Location", SD + "CareConnect-GPC-Location-1",
            "DocumentReference", SD + "CareConnect-GPC-DocumentReference-1",
            "Appointment", SD + "GPConnect-Appointment-1");
    /** The Access Document statement's profiles, at the versions its use-case page lists. */
    private static final List<String> DOCUMENTS_PROFILES = List.of(SD + "CareConnect-GPC-Patient-1/_history/1.8",
            SD + "CareConnect-GPC-Organization-1/_history/1.4", SD + "CareConnect-GPC-Practitioner-1/_history/1.3",
            SD + "CareConnect-GPC-PractitionerRole-1/_history/1.2", SD + "GPConnect-OperationOutcome-1/_history/1.2",
            SD + "CareConnect-GPC-DocumentReference-1/_history/1.3", SD + "GPConnect-Searchset-Bundle-1/_history/1.3");
    private static final Map<String, String[]> SEARCH_BY_IDENTIFIER = Map.of(
            "Patient", new String[]{"NHS Number (i.e. https://fhir.nhs.uk/Id/nhs-number|123456789)"},
            "Organization", new String[]{"ODS Code (i.e. https://fhir.nhs.uk/Id/ods-organization-code|Y12345)"},
            "Practitioner", new String[]{"SDS User ID (i.e. https://fhir.nhs.uk/Id/sds-user-id|999999)"});
    private static final Map<String, String> OPERATIONS = Map.of(
            "gpc.registerpatient", "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-RegisterPatient-Operation-1",
            "gpc.getstructuredrecord", "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-GetStructuredRecord-Operation-1/_history/1.16",
            "gpc.migratestructuredrecord", "https://fhir.nhs.uk/STU3/OperationDefinition/GPConnect-MigrateStructuredRecord-Operation-1");

    private CapabilityStatements() {}

    public static CapabilityStatement build(ServiceRootKind root, Set<String> implemented, String softwareVersion) {
        CapabilityStatement statement = new CapabilityStatement();
        statement.setVersion(SPEC_VERSION);
        boolean documents = root == ServiceRootKind.DOCUMENTS;
        statement.setName(documents ? "GP Connect API - Access Document" : "GP Connect");
        statement.setStatus(Enumerations.PublicationStatus.ACTIVE);
        statement.setDate(new Date());
        statement.setPublisher("gpconnect open-source project");
        statement.addContact().setName("gpconnect maintainers");
        statement.setDescription(documents ? "This server implements the GP Connect API - Access Document version " + SPEC_VERSION
                : "This server implements the GP Connect API version " + SPEC_VERSION);
        statement.setCopyright("Copyright NHS Digital 2016-23");
        statement.setKind(CapabilityStatement.CapabilityStatementKind.CAPABILITY);
        statement.getSoftware().setName("gpconnect").setVersion(softwareVersion);
        statement.setFhirVersion("3.0.1");
        statement.setAcceptUnknown(CapabilityStatement.UnknownContentCode.BOTH);
        statement.addFormat("application/fhir+json");
        statement.addFormat("application/fhir+xml");
        CapabilityStatementRestComponent rest = statement.addRest();
        rest.setMode(CapabilityStatement.RestfulCapabilityMode.SERVER);
        rest.getSecurity().setCors(true);

        Map<String, CapabilityStatementRestResourceComponent> resources = new LinkedHashMap<>();
        for (Interaction interaction : InteractionCatalogue.all()) {
            if (interaction.root() != root || !implemented.contains(interaction.id())) {
                continue;
            }
            String[] template = interaction.pathTemplate().substring(1).split("/");
            // a search in the patient's compartment (/Patient/{id}/DocumentReference) is a search of its type
            String[] path = template.length == 3 ? new String[] {template[2]} : template;
            if (path.length == 2 && path[1].startsWith("$")) {
                String name = path[1].substring(1);
                rest.addOperation().setName(name).setDefinition(new Reference(OPERATIONS.getOrDefault(name, name)));
            } else if (!path[0].equals("metadata")) {
                CapabilityStatementRestResourceComponent resource = resources.computeIfAbsent(path[0], type -> {
                    CapabilityStatementRestResourceComponent r = rest.addResource().setType(type);
                    if (PROFILES.containsKey(type)) {
                        r.getProfile().setReference(PROFILES.get(type));
                    }
                    return r;
                });
                if (interaction.verb().equals("POST") && path.length == 1) {
                    resource.addInteraction().setCode(TypeRestfulInteraction.CREATE);
                    continue;
                }
                boolean listed = resource.getInteraction().stream().anyMatch(i -> i.getCode() == (path.length == 2
                        ? TypeRestfulInteraction.READ : TypeRestfulInteraction.SEARCHTYPE));
                if (listed) {
                    // Retrieve and Migrate a document are one read of Binary
                    continue;
                }
                if (interaction.verb().equals("GET") && path.length == 2) {
                    resource.addInteraction().setCode(TypeRestfulInteraction.READ);
                } else if (interaction.verb().equals("GET") && path.length == 1) {
                    resource.addInteraction().setCode(TypeRestfulInteraction.SEARCHTYPE);
                    for (String documentation : SEARCH_BY_IDENTIFIER.getOrDefault(path[0], new String[0])) {
                        resource.addSearchParam().setName("identifier")
                                .setType(Enumerations.SearchParamType.TOKEN).setDocumentation(documentation);
                    }
                    if (path[0].equals("DocumentReference")) {
                        describeDocumentSearch(resource);
                    }
                }
            }
        }
        for (String profile : documents ? DOCUMENTS_PROFILES : profilesFor(resources.keySet())) {
            statement.addProfile(new Reference(profile));
        }
        return statement;
    }

    /** The includes and parameters of Search for a patient's documents, which the statement MUST list. */
    private static void describeDocumentSearch(CapabilityStatementRestResourceComponent resource) {
        for (String include : List.of("DocumentReference:subject:Patient", "DocumentReference:custodian:Organization",
                "DocumentReference:author:Organization", "DocumentReference:author:Practitioner")) {
            resource.addSearchInclude(include);
        }
        resource.addSearchRevInclude("PractitionerRole:practitioner");
        resource.addSearchParam().setName("created").setType(Enumerations.SearchParamType.DATE)
                .setDocumentation("Creation date of the document (indexed where absent): one ge and/or one le bound");
        resource.addSearchParam().setName("author").setType(Enumerations.SearchParamType.TOKEN)
                .setDocumentation("ODS code of the authoring organisation (i.e. https://fhir.nhs.uk/Id/ods-organization-code|Y12345)");
        resource.addSearchParam().setName("description").setType(Enumerations.SearchParamType.STRING)
                .setDocumentation("Keywords, each found in the document's description or type");
    }

    private static List<String> profilesFor(Set<String> types) {
        List<String> profiles = new java.util.ArrayList<>(types.stream().filter(PROFILES::containsKey).map(PROFILES::get).toList());
        profiles.add(SD + "GPConnect-OperationOutcome-1");
        if (!types.isEmpty()) {
            profiles.add(StoredResources.SEARCHSET_PROFILE);
        }
        return profiles;
    }

    /** HAPI's conformance provider for one root: the statement built at start-up, served as is. */
    public static final class Provider {
        private final CapabilityStatement statement;

        public Provider(CapabilityStatement statement) {
            this.statement = statement;
        }

        @Metadata
        public CapabilityStatement metadata() {
            return statement;
        }

        /** HAPI hands every conformance provider its server; this one needs nothing from it. */
        public void setRestfulServer(ca.uhn.fhir.rest.server.RestfulServer server) {
        }
    }
}
