package org.gpconnect.store.synthetic;

import java.util.List;

/**
 * The small curated vocabulary synthetic records are coded from: real SNOMED CT concept ids with
 * their preferred terms and real dm+d VMP codes with their dm+d names (sources in docs/generator.md).
 * Kept short on purpose: every code here has been checked, and a consumer decoding them sees
 * believable clinical content rather than placeholders.
 */
final class Vocabulary {
    static final String SNOMED = "http://snomed.info/sct";

    record Concept(String code, String display) {}

    /** A dm+d product with how a GP would prescribe it. */
    record Drug(String code, String display, String dosage, int quantity, String unit, int supplyDays, boolean repeat) {}

    /** An allergy's causative agent, its GP2GP category and a typical reaction. */
    record Allergen(Concept concept, String category) {}

    /**
     * A kind of document a practice files: its record composition type (UK refset 1127551000000109),
     * the description a clinician would give it, the format it comes in, the clinical setting, and
     * whether the practice wrote it (a GP's letter) or received it (from the hospital trust).
     */
    record DocumentKind(Concept type, String description, String contentType, String setting, boolean internal) {}

    /** A coded measurement with its UCUM unit and a believable adult range. */
    record Measure(Concept concept, String unit, double low, double high, int decimals) {}

    private Vocabulary() {}

    static final List<Concept> PROBLEMS = List.of(
            new Concept("59621000", "Essential hypertension"),
            new Concept("44054006", "Type 2 diabetes mellitus"),
            new Concept("195967001", "Asthma"),
            new Concept("13645005", "Chronic obstructive lung disease"),
            new Concept("49436004", "Atrial fibrillation"),
            new Concept("22298006", "Myocardial infarction"),
            new Concept("709044004", "Chronic kidney disease"),
            new Concept("35489007", "Depressive disorder"),
            new Concept("197480006", "Anxiety disorder"),
            new Concept("396275006", "Osteoarthritis"),
            new Concept("40930008", "Hypothyroidism"),
            new Concept("55822004", "Hyperlipidemia"),
            new Concept("414916001", "Obesity"),
            new Concept("84114007", "Heart failure"),
            new Concept("37796009", "Migraine"),
            new Concept("69896004", "Rheumatoid arthritis"),
            new Concept("64859006", "Osteoporosis"),
            new Concept("235595009", "Gastroesophageal reflux disease"));

    static final List<Allergen> ALLERGENS = List.of(
            new Allergen(new Concept("91936005", "Allergy to penicillin"), "medication"),
            new Allergen(new Concept("294505008", "Allergy to amoxicillin"), "medication"),
            new Allergen(new Concept("91935009", "Allergy to peanut"), "environment"),
            new Allergen(new Concept("91934008", "Allergy to nut"), "environment"),
            new Allergen(new Concept("300916003", "Latex allergy"), "environment"),
            new Allergen(new Concept("232350006", "House dust mite allergy"), "environment"),
            new Allergen(new Concept("418689008", "Allergy to grass pollen"), "environment"));

    static final List<Concept> REACTIONS = List.of(
            new Concept("271807003", "Eruption of skin"),
            new Concept("126485001", "Urticaria"),
            new Concept("418363000", "Itching of skin"),
            new Concept("422587007", "Nausea"),
            new Concept("267036007", "Dyspnea"),
            new Concept("39579001", "Anaphylaxis"));

    static final List<Drug> DRUGS = List.of(
            new Drug("325278007", "Metformin 500mg tablets", "One tablet twice a day with food", 56, "tablet", 28, true),
            new Drug("319773006", "Ramipril 5mg capsules", "One capsule once a day", 28, "capsule", 28, true),
            new Drug("320000009", "Simvastatin 40mg tablets", "One tablet at night", 28, "tablet", 28, true),
            new Drug("39113611000001102", "Salbutamol 100micrograms/dose inhaler CFC free",
                    "Two puffs up to four times a day when required", 1, "inhaler", 30, true),
            new Drug("322236009", "Paracetamol 500mg tablets", "One or two tablets up to four times a day when required",
                    100, "tablet", 25, false),
            new Drug("323509004", "Amoxicillin 250mg capsules", "One capsule three times a day", 21, "capsule", 7, false));

    /** Vaccination procedures given in general practice (the Immunization's vaccinationProcedure). */
    static final List<Concept> VACCINATIONS = List.of(
            new Concept("822851000000102", "Seasonal influenza vaccination"),
            new Concept("12866006", "Pneumococcal vaccination"));

    static final List<Measure> MEASURES = List.of(
            new Measure(new Concept("27113001", "Body weight"), "kg", 52, 118, 1),
            new Measure(new Concept("50373000", "Body height"), "cm", 150, 192, 0),
            new Measure(new Concept("60621009", "Body mass index"), "kg/m2", 19, 38, 1),
            new Measure(new Concept("364075005", "Heart rate"), "/min", 54, 98, 0));

    static final List<Concept> SMOKING = List.of(
            new Concept("266919005", "Never smoked tobacco"),
            new Concept("8517006", "Ex-smoker"),
            new Concept("77176002", "Smoker"));

    static final Concept BLOOD_PRESSURE = new Concept("163020007", "O/E - blood pressure reading");
    static final Concept SYSTOLIC = new Concept("72313002", "Systolic arterial pressure");
    static final Concept DIASTOLIC = new Concept("1091811000000102", "Diastolic arterial pressure");

    static final Concept DIAGNOSTIC_STUDIES_REPORT = new Concept("721981007", "Diagnostic studies report");
    static final Concept COMMENT_NOTE = new Concept("37331000000100", "Comment note");
    static final Concept BLOOD_SPECIMEN = new Concept("119297000", "Blood specimen");
    static final Concept BLOOD_TEST = new Concept("396550006", "Blood test");
    static final Concept FULL_BLOOD_COUNT = new Concept("26604007", "Full blood count");

    /** Results of a full blood count (test group members), UK pathology bounded code list concepts. */
    static final List<Measure> BLOOD_COUNT = List.of(
            new Measure(new Concept("1022431000000105", "Haemoglobin estimation"), "g/L", 118, 165, 0),
            new Measure(new Concept("1022541000000102", "Total white blood count"), "10*9/L", 4.0, 11.0, 1),
            new Measure(new Concept("1022651000000100", "Platelet count - observation"), "10*9/L", 150, 400, 0));

    /** Standalone chemistry results. */
    static final List<Measure> CHEMISTRY = List.of(
            new Measure(new Concept("1000731000000107", "Serum creatinine level"), "umol/L", 55, 140, 0),
            new Measure(new Concept("1019431000000105", "HbA1c level - IFCC standardised"), "mmol/mol", 36, 78, 0),
            new Measure(new Concept("1005671000000105", "Serum cholesterol level"), "mmol/L", 3.4, 7.2, 1));

    static final List<Concept> REFERRALS = List.of(
            new Concept("306206005", "Referral to service"),
            new Concept("183519002", "Referral to cardiology service"));

    /** Record composition types (refset 1127551000000109), the codes the default data set uses (docs/dataset.md). */
    static final Concept OUTPATIENT_LETTER = new Concept("823681000000100", "Outpatient letter");
    static final Concept REFERRAL_LETTER = new Concept("25611000000107", "Referral letter");
    static final Concept RADIOLOGY_REPORT = new Concept("371527006", "Radiology report");
    static final Concept CLINICAL_LETTER = new Concept("823691000000103", "Clinical letter");
    static final Concept DISCHARGE_LETTER = new Concept("823701000000103", "Discharge letter");
    static final Concept INPATIENT_DISCHARGE_LETTER = new Concept("824331000000106", "Inpatient final discharge letter");

    /**
     * Documents as they are drawn (uniformly, so a kind listed twice is twice as common): mostly hospital
     * letters (PDF), GP referral letters (RTF), and scanned or photographed community podiatry notes. The
     * descriptions suit the letterheads DocumentContent draws (hospital clinic, physiotherapy referral, podiatry).
     */
    static final List<DocumentKind> DOCUMENTS = List.of(
            new DocumentKind(OUTPATIENT_LETTER, "Cardiology clinic: chest pain assessed, exercise test normal, discharged",
                    "application/pdf", "Cardiology", false),
            new DocumentKind(OUTPATIENT_LETTER, "Diabetes clinic: annual review, treatment unchanged, see again in 12 months",
                    "application/pdf", "Diabetes", false),
            new DocumentKind(OUTPATIENT_LETTER, "Respiratory clinic: spirometry reviewed, inhaled therapy stepped up",
                    "application/pdf", "Respiratory medicine", false),
            new DocumentKind(OUTPATIENT_LETTER, "Rheumatology clinic: inflammatory markers normal, continue current treatment",
                    "application/pdf", "Rheumatology", false),
            new DocumentKind(RADIOLOGY_REPORT, "Chest X-ray: no active lung disease", "application/pdf", "Radiology", false),
            new DocumentKind(RADIOLOGY_REPORT, "Ultrasound abdomen: no abnormality detected", "application/pdf", "Radiology", false),
            new DocumentKind(DISCHARGE_LETTER, "Emergency department discharge letter: soft tissue injury, no fracture",
                    "application/pdf", "Emergency medicine", false),
            new DocumentKind(INPATIENT_DISCHARGE_LETTER,
                    "Inpatient discharge summary: community-acquired pneumonia treated with antibiotics, home",
                    "application/pdf", "General medicine", false),
            new DocumentKind(REFERRAL_LETTER, "Referral letter to community physiotherapy: low back pain", "application/rtf",
                    null, true),
            new DocumentKind(REFERRAL_LETTER, "Referral letter to community physiotherapy: shoulder pain, reduced movement",
                    "application/rtf", null, true),
            new DocumentKind(CLINICAL_LETTER, "Community podiatry: diabetic foot check, low risk", "image/tiff", "Podiatry", false),
            new DocumentKind(CLINICAL_LETTER, "Community podiatry: nail care, routine review", "image/png", "Podiatry", false),
            new DocumentKind(CLINICAL_LETTER, "Community podiatry photograph: callus left heel", "image/jpeg", "Podiatry", false));

    static final List<Concept> DIARY = List.of(
            new Concept("314529007", "Medication review due"),
            new Concept("390906007", "Follow-up encounter"));
}
