import type { Database } from "../../src/db/database.js";
import type { BridgeCase } from "../../src/modules/bridge/bridge.model.js";
import { insertCase } from "../../src/modules/bridge/cases.repository.js";
import type { Keyring } from "../../src/platform/crypto/sealed.js";
import { seal } from "../../src/platform/crypto/sealed.js";
import { newId } from "../../src/platform/ids.js";

/** The sensitive text of a case, as a test writes it to find it (or not) later. */
export interface BridgeWords {
  firstName: string;
  contact: string;
  reason: string;
  wishes: string;
  resources: string;
  notes: string;
  note: string;
  shared: string;
  why: string;
  personWords: string;
}

export function buildCaseRecord(tenantId: string, overrides: Partial<BridgeCase> = {}): BridgeCase {
  const now = new Date().toISOString();
  return {
    id: newId(),
    tenantId,
    firstName: "Test",
    contact: "test@example.org",
    personId: null,
    language: "da",
    source: "centre",
    sourceUnit: null,
    referredBy: null,
    referringAssociationId: null,
    reason: "",
    status: "intake",
    builderId: null,
    consent: { at: now, by: null, purposes: ["bridge_building"], how: "in_person", copy: "print" },
    wishes: "",
    interests: [],
    resources: "",
    needs: [],
    notes: "",
    slots: [],
    postcode: null,
    languages: [],
    intakeAt: null,
    shareFields: [],
    companionId: null,
    companionSince: null,
    purgeAfter: null,
    createdAt: now,
    updatedAt: now,
    closedAt: null,
    sharedWith: [],
    ...overrides,
  };
}

/**
 * A case with every sealed column of bridge-building filled: the case, a note, a referral to an
 * association and a follow-up, so tests of sealing and rotation have a value in each.
 */
export async function buildSealedCase(db: Database, ring: Keyring, tenantId: string, associationId: string, words: BridgeWords) {
  const c = buildCaseRecord(tenantId, {
    firstName: words.firstName,
    contact: words.contact,
    reason: words.reason,
    wishes: words.wishes,
    resources: words.resources,
    notes: words.notes,
    needs: ["quiet_place"],
    status: "handed_over",
  });
  await insertCase(db, ring, c, null);
  const now = new Date().toISOString();
  await db
    .insertInto("bridge_notes")
    .values({ id: newId(), tenant_id: tenantId, case_id: c.id, author_id: null, body: seal(ring, "bridge_notes.body", words.note), created_at: now })
    .execute();
  await db
    .insertInto("bridge_referrals")
    .values({
      id: newId(),
      tenant_id: tenantId,
      case_id: c.id,
      pick_id: null,
      association_id: associationId,
      status: "declined",
      shared: seal(ring, "bridge_referrals.shared", JSON.stringify({ wishes: words.shared })),
      sent_by: null,
      sent_at: now,
      answered_by: null,
      answered_at: now,
      decline_reason: seal(ring, "bridge_referrals.decline_reason", `${words.shared}: no room this season`),
      first_meeting_at: null,
      meeting_place: null,
      met_at: null,
      welcome_items: "[]",
      welcome_done: "",
    })
    .execute();
  await db
    .insertInto("bridge_follow_ups")
    .values({
      id: newId(),
      tenant_id: tenantId,
      case_id: c.id,
      months: 1,
      due_on: now.slice(0, 10),
      done_at: now,
      outcome: "still_coming",
      why: seal(ring, "bridge_follow_ups.why", words.why),
      person_words: seal(ring, "bridge_follow_ups.person_words", words.personWords),
      recorded_by: null,
      reminded_at: null,
    })
    .execute();
  return c;
}
