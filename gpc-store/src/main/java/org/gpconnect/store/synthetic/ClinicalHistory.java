package org.gpconnect.store.synthetic;

/**
 * Fills a chart with years of clinical content until it holds about the asked number of resources.
 * The mix follows a typical GP record: medication issues and measurements dominate, a handful of
 * long-term problems and allergies, results now and then, a few referrals and recalls. A quarter
 * of episodes are consultations, which group a few such items under an Encounter. Documents (letters,
 * reports, scans) follow, a few per record.
 */
final class ClinicalHistory {
    private ClinicalHistory() {}

    static void write(PatientChart chart, int target) {
        // documents come last, so that a referral letter can name a consultation; their share is kept back
        int documents = Documents.count(chart, target);
        writeEpisodes(chart, target - documents);
        for (int i = 0; i < documents; i++) {
            Documents.add(chart);
        }
    }

    private static void writeEpisodes(PatientChart chart, int target) {
        int problems = 1 + chart.random.nextInt(5);
        for (int i = 0; i < problems && chart.resources.size() < target; i++) {
            Problems.add(chart);
        }
        int allergies = chart.random.nextInt(4);
        for (int i = 0; i < allergies && chart.resources.size() < target; i++) {
            Allergies.add(chart);
        }
        while (chart.resources.size() < target) {
            int left = target - chart.resources.size();
            double roll = chart.random.nextDouble();
            if (roll < 0.25 && left >= 25) {
                Consultations.add(chart, 1 + chart.random.nextInt(3));
                continue;
            }
            roll = chart.random.nextDouble();
            if (roll < 0.30 && left >= 4) {
                Medications.add(chart, left - 3);
            } else if (roll < 0.55) {
                Observations.addMeasurement(chart);
            } else if (roll < 0.67) {
                Observations.addBloodPressure(chart);
            } else if (roll < 0.75 && left >= 8) {
                Investigations.add(chart);
            } else if (roll < 0.83) {
                Immunisations.add(chart);
            } else if (roll < 0.87) {
                Problems.add(chart);
            } else if (roll < 0.88) {
                Allergies.add(chart);
            } else if (roll < 0.94) {
                Requests.addReferral(chart);
            } else {
                Requests.addDiaryEntry(chart);
            }
        }
    }
}
