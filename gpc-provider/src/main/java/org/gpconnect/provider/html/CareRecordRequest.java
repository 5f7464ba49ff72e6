package org.gpconnect.provider.html;

/**
 * A valid {@code $gpc.getcarerecord} request: whose record, which one section, and the consumer's
 * time period, if any (accessrecord_use_case_retrieve_a_care_record_section.md).
 *
 * @param period null when the consumer sent none
 */
public record CareRecordRequest(String nhsNumber, RecordSection section, TimePeriod period) {}
