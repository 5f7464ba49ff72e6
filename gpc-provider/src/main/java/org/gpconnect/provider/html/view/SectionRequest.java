package org.gpconnect.provider.html.view;

import org.gpconnect.provider.html.RecordSection;
import org.gpconnect.provider.html.TimePeriod;
import org.gpconnect.store.PatientRecord;
import org.gpconnect.store.PatientResources;
import org.gpconnect.store.StoredResource;

import java.time.LocalDate;

/**
 * One section to render for one patient.
 *
 * @param registration what the practice knows of the patient's registration (in transit, ...)
 * @param patient      the stored Patient (STU3 JSON)
 * @param record       the patient's stored resources, read for this request
 * @param period       the consumer's timePeriod, or null when none was sent
 * @param today        the provider's date, for "last 12 months" and default time frames
 */
public record SectionRequest(RecordSection section, PatientRecord registration, StoredResource patient,
                             PatientResources record, TimePeriod period, LocalDate today) {}
