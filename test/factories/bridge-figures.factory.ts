import type { Database } from "../../src/db/database.js";
import type { BridgeCase } from "../../src/modules/bridge/bridge.model.js";
import { insertCase } from "../../src/modules/bridge/cases.repository.js";
import { insertFollowUp } from "../../src/modules/bridge/follow-ups.repository.js";
import { insertPick, insertReferral } from "../../src/modules/bridge/handover.repository.js";
import type { Keyring } from "../../src/platform/crypto/sealed.js";
import { newId } from "../../src/platform/ids.js";

/** A case in intake with consent to bridge-building and figures; the overrides say the rest. */
export function bridgeCase(tenantId: string, overrides: Partial<BridgeCase> = {}): BridgeCase {
  const at = overrides.createdAt ?? "2026-03-02T09:00:00.000Z";
  return {
    id: newId(),
    tenantId,
    firstName: "Hanne",
    contact: "hanne@borger.test",
    personId: null,
    language: "da",
    source: "municipality",
    sourceUnit: "jobcentre",
    referredBy: null,
    referringAssociationId: null,
    reason: "Vil gerne ud blandt andre.",
    status: "intake",
    builderId: null,
    consent: { at, by: null, purposes: ["bridge_building", "figures"], how: "in_person", copy: "email" },
    wishes: "",
    interests: [],
    resources: "",
    needs: [],
    notes: "",
    slots: [],
    postcode: null,
    languages: ["da"],
    intakeAt: null,
    shareFields: [],
    companionId: null,
    companionSince: null,
    purgeAfter: null,
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    sharedWith: [],
    ...overrides,
  };
}

/** Writes a case and, as asked, its chosen community, its accepted referral with a first meeting, and follow-up outcomes. */
export async function buildBridgeCase(
  db: Database,
  ring: Keyring,
  tenantId: string,
  overrides: Partial<BridgeCase> = {},
  more: {
    associationId?: string;
    category?: string;
    metAt?: string;
    outcomes?: { months: number; outcome: "still_coming" | "stopped" | "never_started" }[];
  } = {},
): Promise<BridgeCase> {
  const c = bridgeCase(tenantId, overrides);
  await insertCase(db, ring, c, null);
  let pickId: string | null = null;
  if (more.associationId) {
    pickId = newId();
    await insertPick(db, tenantId, {
      id: pickId,
      caseId: c.id,
      kind: "association",
      targetId: more.associationId,
      associationId: more.associationId,
      title: "Fællesskabet",
      category: more.category ?? null,
      pickedBy: "builder",
      chosen: true,
      createdAt: c.createdAt,
    });
  }
  if (more.associationId && more.metAt)
    await insertReferral(db, ring, tenantId, {
      id: newId(),
      caseId: c.id,
      pickId,
      associationId: more.associationId,
      status: "accepted",
      shared: { firstName: c.firstName },
      sentBy: null,
      sentAt: c.createdAt,
      answeredBy: null,
      answeredAt: c.createdAt,
      declineReason: null,
      firstMeetingAt: null,
      meetingPlace: null,
      metAt: more.metAt,
      welcomeItems: [],
      welcomeDone: [],
    });
  for (const o of more.outcomes ?? [])
    await insertFollowUp(db, ring, tenantId, {
      id: newId(),
      caseId: c.id,
      months: o.months,
      dueOn: c.createdAt.slice(0, 10),
      doneAt: c.createdAt,
      outcome: o.outcome,
      why: "",
      personWords: "",
      recordedBy: null,
      remindedAt: null,
    });
  return c;
}
