// How a record fetched from another clinic is shown: its date, status and what it says, read field by field from
// the resource as the server gave it (any FHIR system may have written it, not only ROMtrack), in that clinic's
// own words. Nothing here is interpreted clinically: the text is for a person to read.

type Json = Record<string, unknown>;

const obj = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() ? v.trim() : null);
const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** A CodeableConcept's words: its text, else its first coding's display, else that coding's code. */
export function conceptText(v: unknown): string | null {
  if (!obj(v)) return null;
  const coding = list(v.coding).find(obj);
  return str(v.text) ?? (coding ? (str(coding.display) ?? str(coding.code)) : null);
}

function quantityText(v: unknown): string | null {
  if (!obj(v) || typeof v.value !== 'number') return null;
  const unit = str(v.unit) ?? str(v.code);
  return unit ? `${v.value} ${unit}` : String(v.value);
}

function valueText(r: Json): string | null {
  if (obj(r.valueQuantity)) return quantityText(r.valueQuantity);
  if (obj(r.valueCodeableConcept)) return conceptText(r.valueCodeableConcept);
  if (typeof r.valueInteger === 'number') return String(r.valueInteger);
  if (typeof r.valueBoolean === 'boolean') return r.valueBoolean ? 'yes' : 'no';
  return str(r.valueString);
}

/** The clinical date (a calendar date or an instant, as the resource gives it). */
export function clinicalDate(r: Json): string | null {
  for (const k of ['effectiveDateTime', 'performedDateTime', 'onsetDateTime', 'recordedDate', 'authoredOn', 'issued', 'date']) {
    const v = str(r[k]);
    if (v) return v;
  }
  for (const k of ['period', 'effectivePeriod', 'performedPeriod']) {
    const p = r[k];
    if (obj(p) && str(p.start)) return str(p.start);
  }
  return str(r.startDate) ?? null;
}

/** What the record says, e.g. "Left elbow flexion (active): 95 °, Left elbow" or "Heterotopic ossification". */
export function recordSummary(r: Json): string {
  const what =
    conceptText(r.code) ?? conceptText(list(r.type)[0]) ?? str(r.title) ?? str(r.description) ?? conceptText(r.description) ?? conceptText(r.medicationCodeableConcept) ?? str(r.conclusion);
  const value = valueText(r);
  const site = conceptText(list(r.bodySite)[0] ?? r.bodySite);
  const parts = [what ? (value ? `${what}: ${value}` : what) : value, site && what && !what.toLowerCase().includes(site.toLowerCase()) ? site : null].filter((p): p is string => !!p);
  // Nothing to say beyond its type (a visit without a type): the screen shows the type alone.
  return parts.join(', ');
}

/** The record's own status, when it has one (verification status for a Condition). */
export function recordStatus(r: Json): string | null {
  return str(r.status) ?? conceptText(r.verificationStatus) ?? conceptText(r.clinicalStatus);
}

/** Every `Organization/<id>` the resource names directly (serviceProvider, performer, author, recorder…). */
export function organizationRefs(r: Json): string[] {
  const out: string[] = [];
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) v.forEach(walk);
    else if (obj(v)) {
      const ref = str(v.reference);
      if (ref && /^Organization\/[^/]+$/.test(ref)) out.push(ref);
      else for (const [k, x] of Object.entries(v)) if (k !== 'contained') walk(x);
    }
  };
  for (const k of ['serviceProvider', 'performer', 'author', 'recorder', 'asserter', 'informationSource', 'source', 'managingOrganization']) walk(r[k]);
  return out;
}
