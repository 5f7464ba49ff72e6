package org.gpconnect.store.pds;

import java.time.LocalDate;

/** What the national demographics service (PDS) holds for one NHS number. */
public record PdsRecord(String nhsNumber, String family, String given, String gender, LocalDate birthDate,
                        LocalDate deathDate, boolean sensitive, boolean superseded, boolean invalid,
                        String address, String postalCode, String gpOdsCode) {
}
