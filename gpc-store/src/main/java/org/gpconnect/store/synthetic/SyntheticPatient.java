package org.gpconnect.store.synthetic;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.time.LocalDate;
import java.util.List;

/** A CareConnect-GPC-Patient-1 Patient, regularly registered at the practice, with believable Leeds demographics. */
final class SyntheticPatient {
    static final String REGISTRATION = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-RegistrationDetails-1";
    static final String VERIFICATION = "https://fhir.nhs.uk/STU3/StructureDefinition/Extension-CareConnect-GPC-NHSNumberVerificationStatus-1";

    static final List<String> FAMILY = List.of("Smith", "Jones", "Taylor", "Brown", "Williams", "Wilson", "Johnson",
            "Davies", "Robinson", "Wright", "Thompson", "Evans", "Walker", "White", "Roberts", "Green", "Hall", "Wood",
            "Jackson", "Clarke", "Patel", "Khan", "Hussain", "Ahmed", "Begum", "Kaur", "Singh", "Lewis", "Harrison", "Scott");
    static final List<String> MALE = List.of("John", "David", "Michael", "Paul", "Andrew", "Mark", "James", "Peter",
            "Richard", "Stephen", "Robert", "Christopher", "Daniel", "Thomas", "Mohammed", "Imran", "George", "Harry");
    static final List<String> FEMALE = List.of("Susan", "Margaret", "Sarah", "Elizabeth", "Helen", "Karen", "Julie",
            "Emma", "Claire", "Patricia", "Jennifer", "Rachel", "Laura", "Amina", "Fatima", "Olivia", "Amelia", "Joan");
    static final List<String> STREETS = List.of("Otley Road", "Kirkstall Lane", "Cardigan Road", "Headingley Lane",
            "Spen Lane", "Moor Road", "Ash Road", "Victoria Road", "Hyde Park Road", "Woodhouse Lane", "Alwoodley Lane",
            "Harrogate Road", "Street Lane", "Roundhay Road", "Chapeltown Road");
    static final List<String> DISTRICTS = List.of("LS6", "LS16", "LS17", "LS7", "LS8", "LS4", "LS5");

    private SyntheticPatient() {}

    /** The Patient, and the chart its record is written into. */
    static PatientChart chart(String id, String nhsNumber, java.util.SplittableRandom random, LocalDate recordEnd,
                              List<ObjectNode> out) {
        boolean male = random.nextBoolean();
        // an adult list skews older: ages 18-95, weighted towards the multi-morbid years
        int age = 18 + (int) Math.round(77 * Math.sqrt(random.nextDouble()));
        LocalDate birth = recordEnd.minusYears(age).minusDays(random.nextInt(365));
        LocalDate registered = birth.plusYears(16 + random.nextInt(Math.max(1, age - 16)));
        if (registered.isBefore(LocalDate.of(1985, 1, 1))) {
            registered = LocalDate.of(1985, 1, 1).plusDays(random.nextInt(3650));
        }
        if (registered.isAfter(recordEnd.minusYears(1))) {
            registered = recordEnd.minusYears(1);
        }

        ObjectNode patient = PatientChart.object();
        patient.put("resourceType", "Patient");
        patient.put("id", id);
        patient.putObject("meta").putArray("profile").add(PatientChart.PROFILE_BASE + "CareConnect-GPC-Patient-1");
        ArrayNode registration = PatientChart.extension(patient.putArray("extension"), REGISTRATION).putArray("extension");
        PatientChart.extension(registration, "registrationPeriod").putObject("valuePeriod").put("start", registered.toString());
        PatientChart.extension(registration, "registrationType").set("valueCodeableConcept", PatientChart.concept(
                "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-RegistrationType-1", "R", "Regular"));
        PatientChart.extension(registration, "preferredBranchSurgery").set("valueReference", PatientChart.reference("Location/1"));
        ObjectNode identifier = patient.putArray("identifier").addObject();
        PatientChart.extension(identifier.putArray("extension"), VERIFICATION).set("valueCodeableConcept", PatientChart.concept(
                "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-NHSNumberVerificationStatus-1", "01", "Number present and verified"));
        identifier.put("system", "https://fhir.nhs.uk/Id/nhs-number");
        identifier.put("value", nhsNumber);
        patient.put("active", true);
        ObjectNode name = patient.putArray("name").addObject();
        name.put("use", "official");
        name.put("family", FAMILY.get(random.nextInt(FAMILY.size())));
        name.putArray("given").add((male ? MALE : FEMALE).get(random.nextInt(male ? MALE.size() : FEMALE.size())));
        name.putArray("prefix").add(male ? "Mr" : age > 60 || random.nextBoolean() ? "Mrs" : "Ms");
        ObjectNode telecom = patient.putArray("telecom").addObject();
        telecom.put("system", "phone");
        // Ofcom's drama range for Leeds (0113 496 0000-0999): never a real subscriber
        telecom.put("value", String.format("0113 496 %04d", random.nextInt(1000)));
        telecom.put("use", "home");
        patient.put("gender", male ? "male" : "female");
        patient.put("birthDate", birth.toString());
        ObjectNode address = patient.putArray("address").addObject();
        address.put("use", "home");
        address.put("type", "physical");
        address.putArray("line").add((1 + random.nextInt(180)) + " " + STREETS.get(random.nextInt(STREETS.size())));
        address.put("city", "Leeds");
        address.put("district", "West Yorkshire");
        address.put("postalCode", DISTRICTS.get(random.nextInt(DISTRICTS.size())) + " " + (1 + random.nextInt(9))
                + (char) ('A' + random.nextInt(26)) + (char) ('A' + random.nextInt(26)));
        patient.putArray("generalPractitioner").add(PatientChart.reference(
                "Practitioner/" + PatientChart.PRACTITIONERS.get(random.nextInt(PatientChart.PRACTITIONERS.size()))));
        patient.set("managingOrganization", PatientChart.reference("Organization/1"));
        out.add(patient);

        LocalDate adult = birth.plusYears(18);
        return new PatientChart(id, random, birth, registered.isBefore(adult) ? adult : registered, recordEnd);
    }
}
