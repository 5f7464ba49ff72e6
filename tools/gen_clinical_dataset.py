#!/usr/bin/env python3
"""Generates the clinical files of the default data set (practice B82617).

Run from the repository root: python3 tools/gen_clinical_dataset.py
Business identifiers are UUIDv5 of the resource's logical id, so they are stable across runs.
"""
import json, uuid, os

OUT = "gpc-store/src/main/resources/dataset/default/B82617"
NS = uuid.UUID("6f1c6a52-3d0e-4b43-9a2e-1b9c2f0d7e11")
SCT = "http://snomed.info/sct"
SD = "https://fhir.nhs.uk/STU3/StructureDefinition/"
SDUK = "https://fhir.hl7.org.uk/STU3/StructureDefinition/"
P = lambda n: SD + "CareConnect-GPC-" + n + "-1"


def ident(rid):
    return [{"system": "https://gpconnect.example.org/Id/record-item", "value": str(uuid.uuid5(NS, rid))}]


def res(rtype, rid, profile, **body):
    r = {"resourceType": rtype, "id": rid, "meta": {"profile": [profile]}}
    if rtype not in ("List", "Medication"):
        r["identifier"] = ident(rtype + "/" + rid)
    r.update(body)
    return r


def cc(code, display, text=None):
    c = {"coding": [{"system": SCT, "code": code, "display": display}]}
    if text:
        c["text"] = text
    return c


def ref(r):
    return {"reference": r}


def pat(p):
    return ref("Patient/%s" % p)


def prac(x):
    return ref("Practitioner/%s" % x)


# ---------------------------------------------------------------- allergies
ALLERGY_CODES = {
    "penicillin": ("91936005", "Allergy to penicillin", "medication"),
    "amoxicillin": ("294505008", "Allergy to amoxicillin", "medication"),
    "peanut": ("91935009", "Allergy to peanut", "environment"),
    "peanut-anaph": ("241933001", "Peanut-induced anaphylaxis", "environment"),
    "latex": ("300916003", "Latex allergy", "environment"),
    "grass": ("418689008", "Allergy to grass pollen", "environment"),
    "hdm": ("232350006", "House dust mite allergy", "environment"),
    "egg": ("91930004", "Allergy to eggs", "environment"),
    "shellfish": ("300913006", "Shellfish allergy", "environment"),
    "cat": ("232346004", "Allergy to cat dander", "environment"),
    "dairy": ("425525006", "Allergy to dairy product", "environment"),
    "nut": ("91934008", "Allergy to nut", "environment"),
    "nka": ("716186003", "No known allergy", "environment"),
}
MANIF = {
    "rash": ("271807003", "Eruption of skin"), "hives": ("247472004", "Weal"),
    "anaphylaxis": ("39579001", "Anaphylaxis"), "vomiting": ("422400008", "Vomiting"),
    "itch": ("418290006", "Itching"), "sneeze": ("76067001", "Sneezing"),
    "dyspnoea": ("267036007", "Dyspnoea"), "angioedema": ("41291007", "Angioedema"),
    "conjunctivitis": ("9826008", "Conjunctivitis"), "diarrhoea": ("62315008", "Diarrhoea"),
}


def allergy(p, n, agent, asserted, recorder, manif=None, severity=None, onset=None, ended=None, reason=None,
            atype="allergy", critical=False, note=None, encounter=None):
    code, display, category = ALLERGY_CODES[agent]
    rid = "allergy-%s-%s" % (p, n)
    a = res("AllergyIntolerance", rid, P("AllergyIntolerance"))
    ext = []
    if encounter:
        ext.append({"url": "http://hl7.org/fhir/StructureDefinition/encounter-associatedEncounter",
                    "valueReference": ref("Encounter/" + encounter)})
    if ended:
        ext.append({"url": SD + "Extension-CareConnect-GPC-AllergyIntoleranceEnd-1", "extension": [
            {"url": "endDate", "valueDateTime": ended},
            {"url": "reasonEnded", "valueString": reason or "No information available"}]})
    if ext:
        a = {**{k: a[k] for k in ("resourceType", "id", "meta")}, "extension": ext,
             **{k: v for k, v in a.items() if k not in ("resourceType", "id", "meta")}}
    a["clinicalStatus"] = "resolved" if ended else "active"
    a["verificationStatus"] = "unconfirmed"
    if agent != "nka":
        a["type"] = atype
    a["category"] = [category]
    if critical:
        a["criticality"] = "high"
    a["code"] = cc(code, display)
    a["patient"] = pat(p)
    if onset:
        a["onsetDateTime"] = onset
    a["assertedDate"] = asserted
    a["recorder"] = prac(recorder)
    if note:
        a["note"] = [{"text": note}]
    if manif:
        m = MANIF[manif]
        r = {"manifestation": [cc(*m)]}
        if severity:
            r["severity"] = severity
        a["reaction"] = [r]
    return a


# ---------------------------------------------------------------- medications
MEDS = {
    "paracetamol": ("322236009", "Paracetamol 500mg tablets", "tablet", "385055001", "Tablet"),
    "aspirin": ("319773006", "Aspirin 75mg dispersible tablets", "tablet", "385055001", "Tablet"),
    "amoxicillin": ("323509004", "Amoxicillin 250mg capsules", "capsule", "385049006", "Capsule"),
    "salbutamol": ("39113611000001102", "Salbutamol 100micrograms/dose inhaler CFC free", "dose", None, None),
    "amlodipine": ("319283006", "Amlodipine 5mg tablets", "tablet", "385055001", "Tablet"),
    "metformin": ("325278007", "Metformin 500mg tablets", "tablet", "385055001", "Tablet"),
}


def medication(key):
    code, display, _, _, _ = MEDS[key]
    return res("Medication", "med-" + key, P("Medication"), code=cc(code, display))


def qty(n, unit):
    return {"value": n, "unit": unit}


def days(n):
    return {"value": n, "unit": "day", "system": "http://unitsofmeasure.org", "code": "d"}


def coding_ext(url, system, code, display):
    return {"url": url, "valueCodeableConcept": {"coding": [{"system": system, "code": code, "display": display}]}}


PT = SD + "Extension-CareConnect-GPC-PrescriptionType-1"
PTS = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-PrescriptionType-1"
PA = SD + "Extension-CareConnect-GPC-PrescribingAgency-1"
PAS = "https://fhir.nhs.uk/STU3/CodeSystem/CareConnect-PrescribingAgency-1"


def med_record(p, n, key, ptype, start, issues, dosage, quantity, supply, recorder, status="active",
               end=None, stop=None, allowed=None, expiry=None, agency="prescribed-at-gp-practice", context=None,
               note=None, issued_count=None):
    """One MedicationStatement + plan + orders. issues = list of issue dates."""
    unit = MEDS[key][2] if key in MEDS else "tablet"
    plan_id = "medreq-%s-%s" % (p, n)
    out = []
    ext = [coding_ext(PT, PTS, ptype, {"acute": "Acute", "repeat": "Repeat",
                                        "repeat-dispensing": "Repeat dispensing"}[ptype])]
    if ptype != "acute":
        ri = [{"url": "numberOfRepeatPrescriptionsIssued", "valueUnsignedInt": issued_count if issued_count is not None else len(issues)}]
        if allowed:
            ri.insert(0, {"url": "numberOfRepeatPrescriptionsAllowed", "valueUnsignedInt": allowed})
        if expiry:
            ri.append({"url": "authorisationExpiryDate", "valueDateTime": expiry})
        ext.insert(0, {"url": SD + "Extension-CareConnect-GPC-MedicationRepeatInformation-1", "extension": ri})
    if stop:
        ext.insert(0, {"url": SD + "Extension-CareConnect-GPC-MedicationStatusReason-1", "extension": [
            {"url": "statusChangeDate", "valueDateTime": stop[0]},
            {"url": "statusReason", "valueCodeableConcept": {"text": stop[1]}}]})
    plan_end = end or (issues[-1] if ptype == "acute" else None)
    vp = {"start": start}
    if end or ptype == "acute":
        vp["end"] = end or add_days(issues[-1], supply)
    plan = {"resourceType": "MedicationRequest", "id": plan_id, "meta": {"profile": [P("MedicationRequest")]},
            "extension": ext, "identifier": ident("MedicationRequest/" + plan_id),
            "status": status, "intent": "plan", "medicationReference": ref("Medication/med-" + key),
            "subject": pat(p)}
    if context:
        plan["context"] = ref("Encounter/" + context)
    requester = {"agent": prac(recorder)}
    if agency == "prescribed-by-previous-practice":
        requester["onBehalfOf"] = ref("Organization/3")  # GP2GP import from Fallowfield Grove Medical Practice
    plan.update({"authoredOn": start, "requester": requester, "recorder": prac(recorder),
                 "dosageInstruction": [{"text": dosage}],
                 "dispenseRequest": {"validityPeriod": vp, "quantity": qty(quantity, unit),
                                     "expectedSupplyDuration": days(supply)}})
    if not vp.get("end"):
        pass
    out.append(plan)
    orders = []
    for i, d in enumerate(issues, 1):
        oid = "medreq-%s-%s-%d" % (p, n, i)
        orders.append({"resourceType": "MedicationRequest", "id": oid, "meta": {"profile": [P("MedicationRequest")]},
                       "extension": [coding_ext(PT, PTS, ptype, ext[-1]["valueCodeableConcept"]["coding"][0]["display"])],
                       "identifier": ident("MedicationRequest/" + oid), "basedOn": [ref("MedicationRequest/" + plan_id)],
                       "status": "completed", "intent": "order", "medicationReference": ref("Medication/med-" + key),
                       "subject": pat(p), "authoredOn": d, "requester": {"agent": prac(recorder)},
                       "recorder": prac(recorder), "dosageInstruction": [{"text": dosage}],
                       "dispenseRequest": {"validityPeriod": {"start": d, "end": add_days(d, supply)},
                                           "quantity": qty(quantity, unit), "expectedSupplyDuration": days(supply)}})
    sid = "medstmt-%s-%s" % (p, n)
    sext = []
    if issues and ptype != "repeat-dispensing" and agency == "prescribed-at-gp-practice":
        sext.append({"url": SD + "Extension-CareConnect-GPC-MedicationStatementLastIssueDate-1",
                     "valueDateTime": issues[-1]})
    sext.append(coding_ext(PA, PAS, agency, {"prescribed-at-gp-practice": "Prescribed at GP practice",
                                             "prescribed-by-another-organisation": "Prescribed by another organisation",
                                             "prescribed-by-previous-practice": "Prescribed by previous practice"}[agency]))
    eff = {"start": start}
    if vp.get("end") and status != "active":
        eff["end"] = vp["end"]
    st = {"resourceType": "MedicationStatement", "id": sid, "meta": {"profile": [P("MedicationStatement")]},
          "extension": sext, "identifier": ident("MedicationStatement/" + sid),
          "basedOn": [ref("MedicationRequest/" + plan_id)]}
    if context:
        st["context"] = ref("Encounter/" + context)
    st.update({"status": status, "medicationReference": ref("Medication/med-" + key), "effectivePeriod": eff,
               "dateAsserted": start, "subject": pat(p), "taken": "unk"})
    if note:
        st["note"] = [{"text": note}]
    st["dosage"] = [{"text": dosage}]
    return [st] + out + orders


def add_days(d, n):
    import datetime
    return (datetime.date.fromisoformat(d[:10]) + datetime.timedelta(days=n)).isoformat()


def monthly(start, count, step=28):
    return [add_days(start, i * step) for i in range(count)]


def bundle(name, resources):
    with open(os.path.join(OUT, name), "w") as f:
        json.dump({"resourceType": "Bundle", "type": "collection", "entry": [{"resource": r} for r in resources]},
                  f, indent=2, ensure_ascii=False)
        f.write("\n")


# ---------------------------------------------------------------- other builders
PARTTYPE_REC = {"system": "https://fhir.nhs.uk/STU3/CodeSystem/GPConnect-ParticipantType-1", "code": "REC",
                "display": "recorder"}
PARTTYPE_PPRF = {"system": "http://hl7.org/fhir/v3/ParticipationType", "code": "PPRF", "display": "primary performer"}


def encounter(p, n, start, minutes, ctype, recorder, performer=None, location="1"):
    rid = "enc-%s-%s" % (p, n)
    parts = [{"type": [{"coding": [PARTTYPE_REC]}], "individual": prac(recorder)}]
    if performer and performer != recorder:
        parts.append({"type": [{"coding": [PARTTYPE_PPRF]}], "individual": prac(performer)})
    import datetime
    s = datetime.datetime.fromisoformat(start)
    end = (s + datetime.timedelta(minutes=minutes)).isoformat()
    return res("Encounter", rid, P("Encounter"), status="finished", type=[cc(*ctype)], subject=pat(p),
               participant=parts, period={"start": start, "end": end},
               length={"value": minutes, "unit": "min", "system": "http://unitsofmeasure.org", "code": "min"},
               location=[{"location": ref("Location/" + location)}], serviceProvider=ref("Organization/1"))


TOPIC_PROBLEMS = {}


def clist(rid, p, enc, level, title, entries, date, problems=()):
    code = {"consultation": ("325851000000107", "Consultation"), "topic": ("25851000000105", "Topic (EHR)"),
            "heading": ("24781000000107", "Category (EHR)")}[level]
    l = {"resourceType": "List", "id": rid, "meta": {"profile": [P("List")]}}
    if problems:  # relatedProblemHeader is defined for Condition only: links kept in patient-flags.json
        TOPIC_PROBLEMS.setdefault(str(p), {})[rid] = ["Condition/" + c for c in problems]
    l.update({"status": "current", "mode": "snapshot", "title": title, "code": cc(*code), "subject": pat(p),
              "encounter": ref("Encounter/" + enc), "date": date,
              "orderedBy": {"coding": [{"system": "http://hl7.org/fhir/list-order", "code": "system",
                                        "display": "Sorted by System"}]},
              "entry": [{"item": ref(e)} for e in entries]})
    return l


def problem(p, n, code, display, onset, asserted, asserter, significance="major", status="active", abated=None,
            related=(), content=(), context=None, actual=None, note=None):
    rid = "prob-%s-%s" % (p, n)
    ext = []
    if actual:
        ext.append({"url": SD + "Extension-CareConnect-GPC-ActualProblem-1", "valueReference": ref(actual)})
    for typ, target in related:
        ext.append({"url": SDUK + "Extension-CareConnect-RelatedProblemHeader-1", "extension": [
            {"url": "type", "valueCode": typ}, {"url": "target", "valueReference": ref("Condition/" + target)}]})
    for c in content:
        ext.append({"url": SDUK + "Extension-CareConnect-RelatedClinicalContent-1", "valueReference": ref(c)})
    ext.append({"url": SDUK + "Extension-CareConnect-ProblemSignificance-1", "valueCode": significance})
    c = {"resourceType": "Condition", "id": rid, "meta": {"profile": [P("ProblemHeader-Condition")]},
         "extension": ext, "identifier": ident("Condition/" + rid), "clinicalStatus": status,
         "category": [{"coding": [{"system": "https://fhir.hl7.org.uk/STU3/CodeSystem/CareConnect-ConditionCategory-1",
                                   "code": "problem-list-item", "display": "Problem List Item"}]}],
         "code": cc(code, display), "subject": pat(p)}
    if context:
        c["context"] = ref("Encounter/" + context)
    c["onsetDateTime"] = onset
    if abated:
        c["abatementDateTime"] = abated
    c["assertedDate"] = asserted
    c["asserter"] = prac(asserter)
    if note:
        c["note"] = [{"text": note}]
    return c


def ucum(v, unit, code):
    return {"value": v, "unit": unit, "system": "http://unitsofmeasure.org", "code": code}


def observation(p, rid, code, display, effective, performer, value=None, context=None, comment=None,
                components=None, related=None, status="final", category=None, issued=None, ref_range=None,
                interpretation=None, specimen=None):
    o = res("Observation", rid, P("Observation"), status=status)
    if category:
        o["category"] = [{"coding": [{"system": "http://hl7.org/fhir/observation-category", "code": category[0],
                                      "display": category[1]}]}]
    o["code"] = cc(code, display)
    o["subject"] = pat(p)
    if context:
        o["context"] = ref("Encounter/" + context)
    o["effectiveDateTime"] = effective
    o["issued"] = issued or (effective if "T" in effective else effective + "T12:00:00+00:00")
    o["performer"] = [prac(performer)] if isinstance(performer, str) and "/" not in performer else [ref(performer)]
    if isinstance(value, dict):
        o["valueQuantity"] = value
    elif isinstance(value, str):
        o["valueString"] = value
    if interpretation:
        o["interpretation"] = {"coding": [{"system": "http://hl7.org/fhir/v2/0078", "code": interpretation[0],
                                           "display": interpretation[1]}]}
    if comment:
        o["comment"] = comment
    if specimen:
        o["specimen"] = ref("Specimen/" + specimen)
    if ref_range:
        o["referenceRange"] = [{"low": ref_range[0], "high": ref_range[1]}]
    if related:
        o["related"] = [{"type": t, "target": ref(x)} for t, x in related]
    if components:
        o["component"] = components
    return o


def comment_note(p, rid, text, effective, performer, context):
    return observation(p, rid, "37331000000100", "Comment note", effective, performer, context=context, comment=text)


def bp(p, rid, effective, performer, sys, dia, context=None):
    return observation(p, rid, "75367002", "Blood pressure", effective, performer, context=context, components=[
        {"code": cc("72313002", "Systolic arterial pressure"), "valueQuantity": ucum(sys, "mm[Hg]", "mm[Hg]")},
        {"code": cc("1091811000000102", "Diastolic arterial pressure"), "valueQuantity": ucum(dia, "mm[Hg]", "mm[Hg]")}])


def weight(p, rid, effective, performer, kg, context=None):
    return observation(p, rid, "27113001", "Body weight", effective, performer, value=ucum(kg, "kg", "kg"),
                       context=context)


IMM = {
    "flu": ("822851000000102", "Seasonal influenza vaccination", "6142004", "Influenza"),
    "pneumo": ("12866006", "Pneumococcal vaccination", "16814004", "Pneumococcal infectious disease"),
    "hepa1": ("170378007", "First hepatitis A vaccination", "40468003", "Viral hepatitis, type A"),
}


def immunisation(p, n, kind, date, practitioner, dose=1, series=None, encounter_id=None, lot=None, site=True,
                 note=None):
    proc, pdisplay, dis, ddisplay = IMM[kind]
    rid = "imm-%s-%s" % (p, n)
    i = {"resourceType": "Immunization", "id": rid, "meta": {"profile": [P("Immunization")]},
         "extension": [
             {"url": SDUK + "Extension-CareConnect-DateRecorded-1", "valueDateTime": date},
             {"url": SDUK + "Extension-CareConnect-VaccinationProcedure-1", "valueCodeableConcept": cc(proc, pdisplay)}],
         "identifier": ident("Immunization/" + rid), "status": "completed", "notGiven": False,
         "vaccineCode": {"coding": [{"system": "http://hl7.org/fhir/v3/NullFlavor", "code": "UNK", "display": "unknown"}]},
         "patient": pat(p)}
    if encounter_id:
        i["encounter"] = ref("Encounter/" + encounter_id)
    i["date"] = date
    i["primarySource"] = True
    if encounter_id:
        i["location"] = ref("Location/1")
    if lot:
        i["lotNumber"] = lot
    if site:
        i["site"] = cc("368209003", "Right upper arm")
        i["route"] = cc("78421000", "Intramuscular route")
    i["practitioner"] = [{"role": {"coding": [{"system": "http://hl7.org/fhir/v2/0443", "code": "AP",
                                               "display": "Administering Provider"}]}, "actor": prac(practitioner)}]
    if note:
        i["note"] = [{"text": note}]
    i["explanation"] = {"reason": [{"text": "Routine immunisation programme"}]}
    vp = {"doseSequence": dose, "targetDisease": [cc(dis, ddisplay)],
          "doseStatus": {"coding": [{"system": "http://hl7.org/fhir/vaccination-protocol-dose-status",
                                     "code": "count", "display": "Counts"}]}}
    if series:
        vp["seriesDoses"] = series
    i["vaccinationProtocol"] = [vp]
    return i


# Immunisation consent / dissent status (includeImmunisations.includeStatus): Observations returned in the
# Immunisations List, never as uncategorised data. The codes are those of ImmunisationStatus.CODES in
# gpc-provider (accessrecord_structured_development_immunization_guidance; 268559007 from immunizations_response3).
IMM_STATUS = {
    "consent": ("310375005", "Immunization consent given"),
    "no-consent": ("310376006", "Immunization consent not given"),
    "refused": ("591000119102", "Vaccine refused by patient"),
    "no-consent-any": ("268559007", "No consent for any immunization"),
}


def immunisation_status(p, n, kind, start, performer, comment, end=None):
    """A consent or dissent record; an ended one has an effectivePeriod with start and end."""
    o = observation(p, "immstatus-%s-%s" % (p, n), *IMM_STATUS[kind], start, performer, comment=comment,
                    issued=end)  # issued: last changed, i.e. when an ended record was ended
    if end:  # effectiveDateTime becomes effectivePeriod, in the same place
        o = {("effectivePeriod" if k == "effectiveDateTime" else k): ({"start": start, "end": end}
             if k == "effectiveDateTime" else v) for k, v in o.items()}
    return o


def referral(p, n, code, display, authored, requester, priority="routine", context=None, description=None,
             note=None, recipient=None, supporting=()):
    rid = "referral-%s-%s" % (p, n)
    r = res("ReferralRequest", rid, P("ReferralRequest"), status="unknown", intent="order", priority=priority,
            subject=pat(p))
    if context:
        r["context"] = ref("Encounter/" + context)
    r["authoredOn"] = authored
    r["requester"] = {"agent": prac(requester)}
    if recipient:
        r["recipient"] = [ref(recipient)]
    r["reasonCode"] = [cc(code, display)]
    if description:
        r["description"] = description
    if supporting:  # the referral letter(s) and other supporting documents, never the problem
        r["supportingInfo"] = [ref(x) for x in supporting]
    if note:
        r["note"] = [{"text": note}]
    return r


# Document types: SNOMED CT UK "Record composition type simple reference set" (refset 1127551000000109), which
# access_documents_development_documentreference (1.6.2) names for DocumentReference.type.
DOC_TYPES = {
    "outpatient": ("823681000000100", "Outpatient letter"),
    "referral": ("25611000000107", "Referral letter"),
    "radiology": ("371527006", "Radiology report"),
    "clinical": ("823691000000103", "Clinical letter"),
    "discharge": ("823701000000103", "Discharge letter"),
    "inpatient-discharge": ("824331000000106", "Inpatient final discharge letter"),  # the 1.6.2 example's code
}

# "no disclosure to patient": a label on the DocumentReference (meta.security only; the provider test suite rejects
# DocumentReference.securityLabel)
NOPAT = {"system": "http://hl7.org/fhir/v3/ActCode", "code": "NOPAT",
         "display": "no disclosure to patient, family or caregivers without attending provider's authorization"}


def document(p, n, kind, created, indexed, author, description, content_type, size, encounter=None, setting=None,
             custodian="Organization/1", nopat=False, unavailable=None):
    """Metadata of one document (CareConnect-GPC-DocumentReference-1), never its content. The attachment's url
    is stored relative ("Binary/doc-P-N"): the provider makes it the absolute URL of the Binary on the Access
    Document root the consumer called, when it answers. created None: the date the document was written is not
    known (a search on created falls back to indexed). unavailable: the reason a placeholder gives for a document
    the practice knows of but does not hold; it has no url (nothing to retrieve) and size 0."""
    rid = "docref-%s-%s" % (p, n)
    meta = {"profile": [P("DocumentReference")]}
    if nopat:
        meta["security"] = [NOPAT]
    d = {"resourceType": "DocumentReference", "id": rid, "meta": meta,
         "masterIdentifier": {"system": "https://gpconnect.example.org/Id/document-version",
                              "value": str(uuid.uuid5(NS, "DocumentReference/%s/version/1" % rid))},
         "identifier": ident("DocumentReference/" + rid), "status": "current", "type": cc(*DOC_TYPES[kind]),
         "subject": pat(p)}
    if created:
        d["created"] = created
    d.update({"indexed": indexed, "author": [ref(author)], "custodian": ref(custodian), "description": description})
    if unavailable:
        attachment = {"contentType": content_type, "size": 0, "title": unavailable}
    else:
        attachment = {"contentType": content_type, "url": "Binary/doc-%s-%s" % (p, n), "size": size}
    d["content"] = [{"attachment": attachment}]
    context = {}
    if encounter:
        context["encounter"] = ref("Encounter/" + encounter)
    if setting:
        context["practiceSetting"] = {"text": setting}
    if context:
        d["context"] = context
    return d


def diary(p, n, code, display, start, end, authored, requester, note=None, context=None):
    rid = "diary-%s-%s" % (p, n)
    d = res("ProcedureRequest", rid, P("ProcedureRequest"), status="active", intent="plan", code=cc(code, display),
            subject=pat(p))
    if context:
        d["context"] = ref("Encounter/" + context)
    d["occurrencePeriod"] = {"start": start, "end": end} if end else {"start": start}
    d["authoredOn"] = authored
    d["requester"] = {"agent": prac(requester)}
    if note:
        d["note"] = [{"text": note}]
    return d


def investigation(p, tag, issued, collected, requester, values, context=None, reason=None, comment=None):
    """FBC: ProcedureRequest + Specimen + DiagnosticReport + test group + results + filing comment."""
    lab = "Organization/2"
    pr = res("ProcedureRequest", "testreq-%s" % tag, P("ProcedureRequest"), status="active", intent="order",
             code=cc("26604007", "Full blood count"), subject=pat(p), requester={"agent": prac(requester)},
             performer=ref(lab))
    if reason:
        pr["reasonCode"] = [{"text": reason}]
    spec = res("Specimen", "spec-%s" % tag, P("Specimen"), accessionIdentifier={
        "system": "https://gpconnect.example.org/Id/lab-accession", "value": "DV" + tag.replace("-", "") + "0417"},
        # type: text only, the profile's snomedCT slice of type.coding has no discriminator value (see docs/dataset.md)
        status="available", type={"text": "Venous blood specimen"}, subject=pat(p),
        receivedTime=add_days(collected[:10], 0) + "T15:20:00+00:00",
        collection={"collectedDateTime": collected})
    tests = {"hb": ("1022431000000105", "Haemoglobin estimation", "g/L", "g/L", (130, 170)),
             "wcc": ("1022541000000102", "Total white cell count", "10*9/L", "10*9/L", (4.0, 11.0)),
             "plt": ("1022651000000100", "Platelet count", "10*9/L", "10*9/L", (150, 400))}
    results = []
    for key, v in values.items():
        code, display, unit, ucode, rr = tests[key]
        interp = None
        if v < rr[0]:
            interp = ("L", "Low")
        elif v > rr[1]:
            interp = ("H", "High")
        results.append(observation(p, "result-%s-%s" % (tag, key), code, display, collected, lab,
                                   value=ucum(v, unit, ucode), category=("laboratory", "Laboratory"), issued=issued,
                                   ref_range=(ucum(rr[0], unit, ucode), ucum(rr[1], unit, ucode)),
                                   interpretation=interp, specimen="spec-%s" % tag, context=context,
                                   related=[("derived-from", "Observation/group-%s" % tag)]))
    group = observation(p, "group-%s" % tag, "26604007", "Full blood count", collected, lab, issued=issued,
                        specimen="spec-%s" % tag, context=context,
                        related=[("has-member", "Observation/" + r["id"]) for r in results])
    filing = None
    if comment:
        filing = observation(p, "filing-%s" % tag, "37331000000100", "Comment note", issued, requester,
                             status="unknown", issued=issued, comment=comment,
                             related=[("derived-from", "Observation/group-%s" % tag)])
        filing["valueString"] = "Full blood count"
    dr = res("DiagnosticReport", "report-%s" % tag, P("DiagnosticReport"), basedOn=[ref("ProcedureRequest/" + pr["id"])],
             status="final", category=cc("394595002", "Pathology"),
             code=cc("721981007", "Diagnostic studies report"), subject=pat(p))
    if context:
        dr["context"] = ref("Encounter/" + context)
    dr["issued"] = issued
    dr["performer"] = [{"actor": ref(lab)}]
    dr["specimen"] = [ref("Specimen/" + spec["id"])]
    dr["result"] = [ref("Observation/" + group["id"])] + ([ref("Observation/" + filing["id"])] if filing else [])
    out = [dr, pr, spec, group] + results + ([filing] if filing else [])
    return out


# ================================================================ content
def allergies():
    A = []
    # patient 2: active and ended
    A += [allergy(2, 1, "penicillin", "2009-04-17", "2", manif="rash", severity="moderate", onset="2009-04-10",
                  note="Widespread itchy rash on day 3 of a penicillin V course."),
          allergy(2, 2, "peanut-anaph", "2016-08-02", "3", manif="anaphylaxis", severity="severe", critical=True,
                  onset="2016-07-30", note="Carries adrenaline auto-injector."),
          allergy(2, 3, "egg", "1988-05-20", "2", manif="vomiting", severity="mild", ended="2001-09-14",
                  reason="Outgrown: tolerates egg in diet"),
          allergy(2, 4, "hdm", "2004-02-11", "2", manif="sneeze", severity="mild", ended="2015-03-02",
                  reason="Symptoms resolved after allergen avoidance", atype="intolerance")]
    # patient 3
    A += [allergy(3, 1, "latex", "2018-11-05", "2", manif="hives", severity="moderate", onset="2018-10-29"),
          allergy(3, 2, "amoxicillin", "2012-06-21", "3", manif="rash", severity="mild", ended="2019-01-15",
                  reason="Tolerated amoxicillin challenge in allergy clinic")]
    # patient 4 (minimal)
    A += [allergy(4, 1, "grass", "2014-05-30", "2", manif="conjunctivitis", severity="mild"),
          allergy(4, 2, "dairy", "1999-03-03", "2", manif="diarrhoea", severity="mild", ended="2008-07-01",
                  reason="Reintroduced without symptoms", atype="intolerance")]
    # patient 5: explicitly coded no known allergies
    A += [allergy(5, 1, "nka", "2021-02-09", "3")]
    # 6..17 (not 14 ended: table says x/?)
    simple = {
        6: [("cat", "2015-09-01", "2", "sneeze", None, None), ("egg", "2003-04-11", "3", "vomiting", "2010-02-08", "Outgrown")],
        7: [("penicillin", "2011-01-19", "2", "hives", None, None), ("hdm", "2006-10-10", "2", "sneeze", "2018-05-04", "Desensitisation completed")],
        8: [("shellfish", "2017-07-22", "3", "angioedema", None, None), ("grass", "2008-06-14", "2", "conjunctivitis", "2016-06-30", "No symptoms for several seasons")],
        9: [("nut", "2013-03-12", "2", "itch", None, None), ("amoxicillin", "2005-12-01", "3", "rash", "2014-11-20", "Entered in error: rash was viral")],
        10: [("latex", "2019-02-26", "2", "hives", None, None), ("dairy", "2001-08-08", "2", "diarrhoea", "2012-01-17", "Outgrown")],
        11: [("penicillin", "2000-05-05", "3", "rash", None, None), ("cat", "2010-10-02", "2", "sneeze", "2020-03-09", "Symptoms resolved")],
        12: [("grass", "2012-04-23", "2", "sneeze", None, None), ("egg", "1995-02-14", "2", "vomiting", "2004-06-01", "Outgrown")],
        13: [("peanut", "2016-01-28", "3", "itch", None, None), ("hdm", "2009-09-09", "2", "sneeze", "2019-12-12", "Symptoms resolved")],
        14: [("amoxicillin", "2020-10-15", "2", "rash", None, None)],
        15: [("shellfish", "2014-08-18", "2", "vomiting", None, None), ("latex", "2007-03-30", "3", "itch", "2016-09-21", "Patch test negative")],
        17: [("penicillin", "2008-07-07", "2", "hives", None, None),
             ("egg", "1990-11-11", "2", "vomiting", "1998-04-04", "Outgrown"),
             ("grass", "2002-05-19", "3", "conjunctivitis", "2017-06-06", "No symptoms since immunotherapy")],
    }
    for p, items in simple.items():
        for n, (agent, asserted, rec, m, ended, reason) in enumerate(items, 1):
            A.append(allergy(p, n, agent, asserted, rec, manif=m, severity="mild" if m not in ("angioedema",) else "moderate",
                             ended=ended, reason=reason, atype="allergy"))
    # 16: one confidential active allergy, one ordinary, one ended allergy with no recorded end reason
    A += [allergy(16, 1, "latex", "2015-04-14", "2", manif="hives", severity="moderate",
                  note="Reaction during a procedure at the sexual health clinic."),
          allergy(16, 2, "nut", "2011-09-27", "3", manif="itch", severity="mild"),
          allergy(16, 3, "penicillin", "1998-01-20", "2", manif="rash", severity="mild", ended="2006-03-15",
                  reason=None)]
    return A


def medications():
    M = [medication(k) for k in MEDS]
    M.append(res("Medication", "med-degraded-sertraline", P("Medication"),
                 code=cc("196421000000109", "Transfer-degraded medication entry", text="Sertraline 50mg tablets")))
    R = []
    # ---- patient 2
    # repeat, current: metformin since the diabetes diagnosis (enc-2-1)
    R += med_record(2, 1, "metformin", "repeat", "2019-03-12", monthly("2025-12-30", 6, 56),
                    "One tablet twice a day with meals", 112, 56, "2", allowed=12, expiry="2026-12-31",
                    context="enc-2-1")
    # repeat, current: amlodipine since 2020 (enc-2-2)
    R += med_record(2, 2, "amlodipine", "repeat", "2020-09-21", monthly("2026-04-28", 8, 28),
                    "One tablet once a day", 28, 28, "3", context="enc-2-2")
    # acute, current: paracetamol for knee pain, issued at the telephone consultation 2026-11-10 (enc-2-4)
    R += med_record(2, 3, "paracetamol", "acute", "2026-11-10", ["2026-11-10"],
                    "Two tablets up to four times a day when required for pain", 100, 14, "2", context="enc-2-4",
                    note="Patient Notes: Knee pain; maximum 8 tablets in 24 hours.")
    # past acute: amoxicillin 2021
    R += med_record(2, 4, "amoxicillin", "acute", "2021-01-18", ["2021-01-18"], "One capsule three times a day",
                    21, 7, "2", status="completed")
    # past repeat, stopped: salbutamol 2016-2023
    R += med_record(2, 5, "salbutamol", "repeat", "2016-04-05", monthly("2022-05-03", 6, 56),
                    "Two puffs when required for wheeze", 200, 56, "3", status="stopped", end="2023-02-14",
                    stop=("2023-02-14", "No longer required: no asthma symptoms for two years"))
    # past repeat, sensitive (confidential): degraded GP2GP entry from the previous practice
    R += med_record(2, 6, "degraded-sertraline", "repeat", "2018-02-01", [], "One tablet once a day", 28, 28, "2",
                    status="completed", end="2019-01-31", agency="prescribed-by-previous-practice", issued_count=0,
                    note="Additional Information: Transferred from the previous practice by GP2GP.")
    # aspirin repeat after the diabetes review, 2022 (past: stopped)
    R += med_record(2, 7, "aspirin", "repeat", "2022-06-08", monthly("2022-06-08", 4, 28), "One tablet once a day",
                    28, 28, "2", status="stopped", end="2022-09-20",
                    stop=("2022-09-20", "Stopped on specialist advice: indigestion"))
    # ---- patient 3: past only
    R += med_record(3, 1, "amoxicillin", "acute", "2022-03-08", ["2022-03-08"], "One capsule three times a day",
                    21, 7, "2", status="completed")
    R += med_record(3, 2, "paracetamol", "repeat", "2020-01-14", monthly("2020-01-14", 5, 28),
                    "Two tablets up to four times a day when required", 100, 28, "3", status="stopped",
                    end="2020-06-30", stop=("2020-06-30", "Pain resolved"))
    # ---- patient 5: current acute and current repeat, no past
    R += med_record(5, 1, "metformin", "repeat", "2023-05-22", monthly("2026-06-15", 6, 28),
                    "One tablet twice a day with meals", 56, 28, "3", allowed=13, expiry="2027-05-21")
    R += med_record(5, 2, "amoxicillin", "acute", "2026-11-23", ["2026-11-23"], "One capsule three times a day",
                    21, 7, "2")
    # ---- patient 12: past only, part prescribed by the previous practice
    R += med_record(12, 1, "aspirin", "repeat", "2017-10-02", monthly("2017-10-02", 10, 28), "One tablet once a day",
                    28, 28, "2", status="stopped", end="2018-07-31", stop=("2018-07-31", "Adverse reaction: dyspepsia"))
    R += med_record(12, 2, "amoxicillin", "acute", "2016-02-10", ["2016-02-10"], "One capsule three times a day",
                    21, 7, "3", status="completed", agency="prescribed-by-previous-practice")
    # ---- patient 6: a current repeat
    R += med_record(6, 1, "salbutamol", "repeat", "2024-09-03", monthly("2025-11-04", 5, 56),
                    "Two puffs when required for wheeze", 200, 56, "2")
    return M + R


def patient2_record():
    """Encounters, consultation structure, problems, uncategorised, immunisations, investigations, referrals, diary,
    documents."""
    E, L, C, O, I, INV, REF, D, DOC = [], [], [], [], [], [], [], [], []
    CONS, TEL = ("11429006", "Consultation"), ("185317003", "Telephone encounter")
    E += [encounter(2, 1, "2019-03-12T09:10:00+00:00", 15, CONS, "2"),
          encounter(2, 2, "2020-09-21T10:40:00+01:00", 12, CONS, "3"),
          encounter(2, 3, "2023-05-16T11:20:00+01:00", 10, CONS, "2", performer="3"),
          encounter(2, 4, "2026-11-10T08:50:00+00:00", 8, TEL, "2"),
          encounter(2, 5, "2025-10-14T14:00:00+01:00", 5, CONS, "6")]
    # uncategorised data
    O += [comment_note(2, "obs-2-1", "Thirsty and passing urine more often for 2 months. HbA1c 58 mmol/mol last week.",
                       "2019-03-12T09:10:00+00:00", "2", "enc-2-1"),
          weight(2, "obs-2-2", "2019-03-12T09:15:00+00:00", "2", 92.4, "enc-2-1"),
          observation(2, "obs-2-3", "266919005", "Never smoked tobacco", "2019-03-12T09:16:00+00:00", "2",
                      context="enc-2-1"),
          bp(2, "obs-2-4", "2020-09-21T10:45:00+01:00", "3", 162, 98, "enc-2-2"),
          bp(2, "obs-2-5", "2020-09-21T10:52:00+01:00", "3", 158, 96, "enc-2-2"),
          comment_note(2, "obs-2-6", "Right knee pain on stairs for 6 months, no locking or giving way.",
                       "2023-05-16T11:20:00+01:00", "2", "enc-2-3"),
          # sensitive (confidential) uncategorised item
          observation(2, "obs-2-7", "720433000", "Patient Health Questionnaire Nine Item score", "2018-02-01", "2",
                      value=ucum(14, "{score}", "{score}"), comment="Moderate depression."),
          comment_note(2, "obs-2-8", "Knee pain worse after gardening; paracetamol restarted. Physiotherapy appointment awaited.",
                       "2026-11-10T08:50:00+00:00", "2", "enc-2-4"),
          weight(2, "obs-2-9", "2025-10-14T14:02:00+01:00", "6", 88.1, "enc-2-5")]
    # immunisations
    I += [immunisation(2, 1, "pneumo", "2021-11-02", "6", note="Given at the practice flu clinic."),
          immunisation(2, 2, "flu", "2024-10-08", "6", lot="FL4821X"),
          immunisation(2, 3, "flu", "2025-10-14", "6", encounter_id="enc-2-5", lot="FL5307K"),
          # consent: one ended (2021-2023), then given again for the 2024 flu season
          immunisation_status(2, 1, "consent", "2021-11-02T10:05:00+00:00", "6",
                              "Consent given for the annual influenza and pneumococcal programme.",
                              end="2023-09-30T12:00:00+01:00"),
          immunisation_status(2, 2, "consent", "2024-10-08T09:20:00+01:00", "6",
                              "Consent given for seasonal influenza vaccination.")]
    # investigation linked to the diabetes problem
    INV += investigation(2, "2-1", "2024-02-20T16:05:00+00:00", "2024-02-19T09:30:00+00:00", "2",
                         {"hb": 118, "wcc": 6.8, "plt": 254}, reason="Tiredness; type 2 diabetes annual review",
                         comment="Mild anaemia: repeat in 3 months and check ferritin.")
    # referral linked to the knee problem
    REF += [referral(2, 1, "308447003", "Referral to physiotherapist", "2023-05-16", "2", context="enc-2-3",
                     description="Physiotherapy for right knee osteoarthritis.", recipient="Organization/2",
                     supporting=["DocumentReference/docref-2-2"])]
    # documents (metadata; the content is generated when the data set loads, DataSetLoader/DocumentContent, which
    # also replaces each size with the generated one; a size over 5 MB asks for a document at least that large): the eye screening letter (problem 2), the physiotherapy referral letter (the
    # referral and the 2023 knee consultation), the knee X-ray report (problem 4), and a podiatry letter filed
    # without a link to anything (returned only by migration, which sends every document)
    DOC += [document(2, 1, "outpatient", "2022-06-08T15:10:00+01:00", "2022-06-10T09:05:00+01:00", "Organization/2",
                     "Diabetic eye screening result: background retinopathy in both eyes, rescreen in 12 months",
                     "application/pdf", 48213, setting="Diabetic eye screening"),
            document(2, 2, "referral", "2023-05-16T11:38:00+01:00", "2023-05-16T11:41:00+01:00", "Practitioner/2",
                     "Referral letter to community physiotherapy: right knee osteoarthritis",
                     "application/rtf", 23914,
                     encounter="enc-2-3"),
            document(2, 3, "radiology", "2023-05-31T16:20:00+01:00", "2023-06-02T10:05:00+01:00", "Organization/2",
                     "X-ray right knee: medial joint space narrowing and osteophytes, consistent with osteoarthritis",
                     "application/pdf", 96532, setting="Radiology"),
            document(2, 4, "clinical", "2024-03-12T10:30:00+00:00", "2024-03-14T08:50:00+00:00", "Organization/2",
                     "Community podiatry: annual diabetic foot check, low risk", "image/tiff", 214016,
                     setting="Podiatry")]
    # diary entries: one linked to a problem, one up to 10 years ahead
    D += [diary(2, 1, "314529007", "Medication review due", "2027-01-11", "2027-02-11", "2026-01-12", "2",
                note="Diabetes annual review with medication review."),
          diary(2, 2, "171279008", "Immunisation due", "2036-05-01", None, "2026-05-01", "6",
                note="Tetanus booster due."),
          diary(2, 3, "314529007", "Medication review due", "2027-03-22", "2027-04-22", "2026-09-22", "3",
                note="Hypertension review: amlodipine, home blood pressure readings.")]
    # problems
    C += [problem(2, 1, "44054006", "Type 2 diabetes mellitus", "2019-03-12", "2019-03-12", "2",
                  related=[("child", "prob-2-2")], context="enc-2-1",
                  content=["Encounter/enc-2-1", "MedicationRequest/medreq-2-1", "Observation/obs-2-1",
                           "Observation/obs-2-2", "DiagnosticReport/report-2-1", "ProcedureRequest/diary-2-1",
                           "MedicationRequest/medreq-2-7"]),
          problem(2, 2, "4855003", "Diabetic retinopathy", "2022-06-08", "2022-06-10", "2", significance="minor",
                  related=[("parent", "prob-2-1")], note="Background retinopathy on diabetic eye screening.",
                  content=["DocumentReference/docref-2-1"]),
          problem(2, 3, "38341003", "Hypertension", "2020-09-21", "2020-09-21", "3", context="enc-2-2",
                  content=["Encounter/enc-2-2", "MedicationRequest/medreq-2-2", "Observation/obs-2-4",
                           "Observation/obs-2-5", "ProcedureRequest/diary-2-3"]),
          problem(2, 4, "239873007", "Osteoarthritis of knee", "2023-05-16", "2023-05-16", "2",
                  significance="minor", context="enc-2-3",
                  content=["Encounter/enc-2-3", "Encounter/enc-2-4", "ReferralRequest/referral-2-1",
                           "MedicationRequest/medreq-2-3", "Observation/obs-2-6", "Observation/obs-2-8",
                           "DocumentReference/docref-2-3"]),
          problem(2, 5, "231504006", "Mixed anxiety and depressive disorder", "2018-01-15", "2018-02-01", "2",
                  status="inactive", abated="2019-03-01",
                  content=["MedicationRequest/medreq-2-6", "Observation/obs-2-7"])]
    # consultation structure
    d1, d2, d3, d4, d5 = ("2019-03-12T09:40:00+00:00", "2020-09-21T11:05:00+01:00", "2023-05-16T11:35:00+01:00",
                          "2026-11-10T09:05:00+00:00", "2025-10-14T14:10:00+01:00")
    L += [clist("cons-2-1", 2, "enc-2-1", "consultation", "Consultation", ["List/topic-2-1-1"], d1),
          clist("topic-2-1-1", 2, "enc-2-1", "topic", "Type 2 diabetes mellitus",
                ["List/heading-2-1-1", "List/heading-2-1-2", "List/heading-2-1-3"], d1, problems=["prob-2-1"]),
          clist("heading-2-1-1", 2, "enc-2-1", "heading", "History", ["Observation/obs-2-1", "Observation/obs-2-3"], d1),
          clist("heading-2-1-2", 2, "enc-2-1", "heading", "Examination", ["Observation/obs-2-2"], d1),
          clist("heading-2-1-3", 2, "enc-2-1", "heading", "Plan", ["MedicationRequest/medreq-2-1"], d1),
          clist("cons-2-2", 2, "enc-2-2", "consultation", "Consultation", ["List/topic-2-2-1"], d2),
          clist("topic-2-2-1", 2, "enc-2-2", "topic", "Hypertension", ["List/heading-2-2-1", "List/heading-2-2-2"], d2,
                problems=["prob-2-3"]),
          clist("heading-2-2-1", 2, "enc-2-2", "heading", "Examination", ["Observation/obs-2-4", "Observation/obs-2-5"], d2),
          clist("heading-2-2-2", 2, "enc-2-2", "heading", "Plan", ["MedicationRequest/medreq-2-2"], d2),
          clist("cons-2-3", 2, "enc-2-3", "consultation", "Consultation", ["List/topic-2-3-1"], d3),
          clist("topic-2-3-1", 2, "enc-2-3", "topic", "Osteoarthritis of knee",
                ["Observation/obs-2-6", "ReferralRequest/referral-2-1", "DocumentReference/docref-2-2"], d3,
                problems=["prob-2-4"]),
          clist("cons-2-4", 2, "enc-2-4", "consultation", "Telephone encounter", ["List/topic-2-4-1"], d4),
          clist("topic-2-4-1", 2, "enc-2-4", "topic", "Knee pain",
                ["Observation/obs-2-8", "MedicationRequest/medreq-2-3"], d4, problems=["prob-2-4"]),
          clist("cons-2-5", 2, "enc-2-5", "consultation", "Consultation", ["List/topic-2-5-1"], d5),
          clist("topic-2-5-1", 2, "enc-2-5", "topic", "Flu clinic", ["Immunization/imm-2-3", "Observation/obs-2-9"], d5)]
    return E, L, C, O, I, INV, REF, D, DOC


def patient3_record():
    O = [weight(3, "obs-3-1", "2023-04-04T10:00:00+01:00", "3", 64.0),
         bp(3, "obs-3-2", "2023-04-04T10:03:00+01:00", "3", 124, 78)]
    I = [immunisation(3, 1, "flu", "2025-10-21", "6", lot="FL5311M"),
         immunisation(3, 2, "hepa1", "2019-07-02", "6", series=2, note="Travel: Nepal."),
         immunisation_status(3, 1, "refused", "2023-10-10T11:30:00+01:00", "6",
                             "Declined the COVID-19 autumn booster; happy to have the influenza vaccine.")]
    INV = investigation(3, "3-1", "2025-06-11T15:40:00+01:00", "2025-06-10T08:45:00+01:00", "3",
                        {"hb": 134, "wcc": 12.1, "plt": 310}, reason="Recurrent sore throats",
                        comment="Slightly raised white cell count: no action, recheck if symptoms persist.")
    REF = [referral(3, 1, "308448008", "Referral to counselor", "2024-09-17", "3",
                    description="Counselling after bereavement.", note="Self-help information also given.")]
    D = [diary(3, 1, "171279008", "Immunisation due", "2027-01-05", "2027-02-05", "2026-07-05", "6",
               note="Second hepatitis A dose (booster).")]
    return O, I, INV, REF, D


def immunisation_status_other():
    return [immunisation_status(5, 1, "no-consent-any", "2023-06-06T15:10:00+01:00", "3",
                                "Patient has expressed dissent for all immunisations.")]


def referrals_other():
    return [referral(16, 1, "308447003", "Referral to physiotherapist", "2025-03-04", "2",
                     description="Low back pain for 8 weeks.", recipient="Organization/2")]


def documents_other():
    """Documents of the test patients other than 2, 3 and 4, for searching and retrieving across patients: a spread of
    types, formats, authors (the hospital trust Organization/2 or, for letters written in the practice, a GP or the
    practice itself) and years, a few without created (search falls back to indexed). Patient 6 carries the special
    cases: a confidential document (CONFIDENTIAL below), one labelled NOPAT and a placeholder for a document the
    practice does not hold. Patient 18 (deceased) has two, for document migration. The content generated at load
    heads PDF letters as a hospital clinic, RTF letters as a physiotherapy referral and scans as community podiatry
    (DocumentContent), so the descriptions keep to those."""
    doc = document
    return [
        # patient 1
        doc(1, 1, "outpatient", "2018-03-21T14:05:00+00:00", "2018-03-26T09:12:00+01:00", "Organization/2",
            "Dermatology clinic: seborrhoeic keratosis left shoulder, benign, reassured and discharged",
            "application/pdf", 41870, setting="Dermatology"),
        doc(1, 2, "radiology", "2021-07-08T11:30:00+01:00", "2021-07-12T08:55:00+01:00", "Organization/2",
            "Ultrasound abdomen: simple cyst left kidney, no follow-up needed", "application/pdf", 38412,
            setting="Radiology"),
        doc(1, 3, "referral", "2025-02-11T16:40:00+00:00", "2025-02-11T16:44:00+00:00", "Practitioner/1",
            "Referral letter to community physiotherapy: left shoulder pain, reduced abduction", "application/rtf", 2210),
        # patient 5
        doc(5, 1, "outpatient", "2023-05-17T10:20:00+01:00", "2023-05-19T09:00:00+01:00", "Organization/2",
            "Diabetes education programme completed: diet and activity goals agreed, HbA1c target discussed",
            "application/pdf", 40233, setting="Diabetes"),
        doc(5, 2, "clinical", None, "2024-01-09T14:30:00+00:00", "Organization/2",
            "Community podiatry photograph: superficial ulcer right great toe, dressing applied", "image/jpeg", 150000,
            setting="Podiatry"),
        doc(5, 3, "radiology", "2024-01-22T15:45:00+00:00", "2024-01-24T10:10:00+00:00", "Organization/2",
            "X-ray right foot: no evidence of osteomyelitis, mild degenerative change first MTP joint",
            "application/pdf", 39120, setting="Radiology"),
        doc(5, 4, "clinical", "2025-09-02T11:00:00+01:00", "2025-09-05T09:20:00+01:00", "Organization/2",
            "Community podiatry: diabetic foot check, ulcer healed, moderate risk, review in 3 months", "image/tiff",
            210000, setting="Podiatry"),
        # patient 6: an ordinary letter, then the special cases
        doc(6, 1, "outpatient", "2024-10-02T11:15:00+01:00", "2024-10-04T08:40:00+01:00", "Organization/2",
            "Respiratory clinic: asthma reviewed, spirometry normal, inhaler technique corrected", "application/pdf",
            40562, setting="Respiratory medicine"),
        # kept confidential by the practice (patient-flags.json confidentialItems): not searchable or retrievable,
        # migrated only with sensitive information
        doc(6, 2, "outpatient", "2022-02-15T13:00:00+00:00", "2022-02-17T09:30:00+00:00", "Organization/2",
            "Sexual health clinic: results discussed, treatment completed, no further follow-up", "application/pdf",
            37845, setting="Sexual health"),
        # third-party information: labelled NOPAT (meta.security) so that it is never shown to the patient
        doc(6, 3, "clinical", "2023-06-20T15:30:00+01:00", "2023-06-22T10:00:00+01:00", "Organization/2",
            "Paediatric liaison: child of this patient seen in the emergency department, shared for safeguarding",
            "application/pdf", 39904, setting="Safeguarding", nopat=True),
        # known to the practice but not held: a placeholder, nothing to retrieve
        doc(6, 4, "discharge", "2025-11-28T17:10:00+00:00", "2025-12-01T09:15:00+00:00", "Organization/2",
            "Emergency department discharge letter: acute asthma, nebulised salbutamol, prednisolone for 5 days",
            "application/pdf", 0, setting="Emergency medicine",
            unavailable="Document not available: the original was not received from the sending organisation"),
        # patient 7
        doc(7, 1, "inpatient-discharge", "2022-01-19T16:00:00+00:00", "2022-01-21T11:25:00+00:00", "Organization/2",
            "Inpatient discharge summary: fractured neck of right femur, hemiarthroplasty, home with a care package",
            "application/pdf", 52310, setting="Trauma and orthopaedics"),
        doc(7, 2, "referral", "2022-02-03T10:50:00+00:00", "2022-02-03T10:56:00+00:00", "Practitioner/3",
            "Referral letter to community physiotherapy: falls and reduced mobility after hip fracture",
            "application/rtf", 2250),
        doc(7, 3, "outpatient", "2023-03-08T14:40:00+00:00", "2023-03-13T09:05:00+00:00", "Organization/2",
            "Orthogeriatric clinic: bone health review, start alendronic acid with calcium and vitamin D",
            "application/pdf", 41377, setting="Care of the elderly"),
        doc(7, 4, "clinical", "2024-11-14T09:30:00+00:00", "2024-11-18T15:00:00+00:00", "Organization/2",
            "Community podiatry: thickened toenails reduced, low risk foot, routine review", "image/tiff", 205000,
            setting="Podiatry"),
        # patient 8: a scan made in the practice (author the practice itself), with no known creation date
        doc(8, 1, "clinical", None, "2019-08-27T12:10:00+01:00", "Organization/1",
            "Practice nurse clinic: photograph of ingrown toenail left great toe before podiatry referral",
            "image/png", 120000, setting="General practice"),
        doc(8, 2, "outpatient", "2024-04-10T09:45:00+01:00", "2024-04-12T14:20:00+01:00", "Organization/2",
            "Early pregnancy unit: viable intrauterine pregnancy of 8 weeks, routine antenatal care",
            "application/pdf", 39010, setting="Obstetrics"),
        # patient 12 (merged record)
        doc(12, 1, "outpatient", "2017-10-04T11:20:00+01:00", "2017-10-09T16:30:00+01:00", "Organization/2",
            "Gastroenterology clinic: gastroscopy normal, continue lansoprazole as required", "application/pdf", 40118,
            setting="Gastroenterology"),
        doc(12, 2, "radiology", None, "2019-02-18T10:40:00+00:00", "Organization/2",
            "Chest X-ray: no active lung disease", "application/pdf", 35004, setting="Radiology"),
        # patient 13 (record in transit): a letter received since registering
        doc(13, 1, "discharge", "2026-10-03T22:15:00+01:00", "2026-10-06T09:30:00+01:00", "Organization/2",
            "Emergency department discharge letter: sprained left ankle, no fracture on X-ray", "application/pdf",
            38660, setting="Emergency medicine"),
        # patient 15 (dissent): held, but never shared
        doc(15, 1, "outpatient", "2020-11-25T13:10:00+00:00", "2020-11-30T08:45:00+00:00", "Organization/2",
            "Cardiology clinic: palpitations, 24-hour ECG shows sinus rhythm with ectopics, discharged",
            "application/pdf", 40871, setting="Cardiology"),
        # patient 16: the letter of referral-16-1, then the scan result
        doc(16, 1, "referral", "2025-03-04T12:05:00+00:00", "2025-03-04T12:09:00+00:00", "Practitioner/2",
            "Referral letter to community physiotherapy: low back pain for 8 weeks, no red flags", "application/rtf",
            2240),
        doc(16, 2, "radiology", "2025-05-21T17:30:00+01:00", "2025-05-23T08:50:00+01:00", "Organization/2",
            "MRI lumbar spine: L4/5 disc bulge without nerve root compression", "application/pdf", 39455,
            setting="Radiology"),
        # patient 17
        doc(17, 1, "outpatient", "2017-09-13T10:00:00+01:00", "2017-09-18T09:40:00+01:00", "Organization/2",
            "Allergy clinic: grass pollen immunotherapy completed, symptoms resolved, discharged", "application/pdf",
            40040, setting="Allergy"),
        doc(17, 2, "referral", "2021-06-29T15:25:00+01:00", "2021-06-29T15:31:00+01:00", "Practitioner/5",
            "Referral letter to community physiotherapy: right lateral epicondylitis", "application/rtf", 2230),
        # patient 18 (deceased 2023-11-04)
        doc(18, 1, "inpatient-discharge", "2023-10-12T15:50:00+01:00", "2023-10-16T10:05:00+01:00", "Organization/2",
            "Inpatient final discharge letter: metastatic lung cancer, discharged home for end of life care",
            "application/pdf", 54120, setting="Respiratory medicine"),
        doc(18, 2, "clinical", "2023-10-20T11:35:00+01:00", "2023-10-23T09:10:00+01:00", "Organization/2",
            "Specialist palliative care team: symptom control plan and anticipatory medicines", "application/pdf",
            41980, setting="Palliative care"),
    ]


def main():
    E2, L2, C2, O2, I2, INV2, REF2, D2, DOC2 = patient2_record()
    O3, I3, INV3, REF3, D3 = patient3_record()
    bundle("allergies.json", allergies())
    bundle("medications.json", medications())
    bundle("problems.json", C2)
    bundle("consultations.json", E2 + L2)
    bundle("immunisations.json", I2 + I3 + immunisation_status_other())
    bundle("uncategorised.json", O2 + O3)
    bundle("investigations.json", INV2 + INV3)
    bundle("referrals.json", REF2 + REF3 + referrals_other())
    bundle("diary.json", D2 + D3)
    # patient 3 has no documents; patient 4 has one larger than 5 MB (test data pack)
    DOC4 = [document(4, 1, "clinical", "2021-09-14T14:20:00+01:00", "2021-09-16T09:00:00+01:00", "Organization/2",
                     "Hospital discharge summary: community-acquired pneumonia, with scanned chest X-ray images",
                     "application/pdf", 6291456, setting="General medicine")]
    bundle("documents.json", DOC2 + DOC4 + documents_other())
    flags_path = os.path.join(OUT, "patient-flags.json")
    flags = json.load(open(flags_path))
    for p, items in CONFIDENTIAL.items():
        flags.setdefault(p, {})["confidentialItems"] = items
    for p, topics in TOPIC_PROBLEMS.items():
        flags.setdefault(p, {})["topicProblems"] = {"List/" + t: c for t, c in topics.items()}
    flags = {k: flags[k] for k in sorted(flags, key=int)}
    with open(flags_path, "w") as f:
        json.dump(flags, f, indent=2, ensure_ascii=False)
        f.write("\n")


# items excluded from getstructuredrecord (practice-confidential), returned only by migrate with sensitive information
CONFIDENTIAL = {
    "2": ["MedicationStatement/medstmt-2-6", "MedicationRequest/medreq-2-6", "Observation/obs-2-7"],
    "6": ["DocumentReference/docref-6-2"],
    "16": ["AllergyIntolerance/allergy-16-1"],
}


if __name__ == "__main__":
    main()
