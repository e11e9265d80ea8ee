import type { Database } from "../../src/db/database.js";
import type { BridgeCase } from "../../src/modules/bridge/bridge.model.js";
import { insertCase } from "../../src/modules/bridge/cases.repository.js";
import { dataKeyring } from "../../src/platform/crypto/data-key.js";
import { newId } from "../../src/platform/ids.js";
import { type TenantFixture, testConfig } from "../harness.js";
import { buildCaseRecord } from "./bridge.factory.js";

/** A case taking part, held by a bridge-builder, with consent to a companion and to follow-up unless told otherwise. */
export async function buildFollowUpCase(db: Database, tenant: TenantFixture, overrides: Partial<BridgeCase> = {}): Promise<BridgeCase> {
  const now = new Date().toISOString();
  const c = buildCaseRecord(tenant.id, {
    firstName: "Yasmin",
    contact: "yasmin@example.test",
    source: "municipality",
    sourceUnit: "jobcentre",
    reason: "Ensom efter flytning, angst i større grupper",
    status: "taking_part",
    consent: { at: now, by: null, purposes: ["bridge_building", "share_with_association", "companion", "follow_up"], how: "in_person", copy: "print" },
    wishes: "Strikning eller havearbejde",
    resources: "God til planter",
    needs: ["company_first_times"],
    notes: "Hemmelig note om helbred",
    slots: ["tue-morning", "thu-afternoon"],
    postcode: "8000",
    languages: ["da", "en"],
    intakeAt: now,
    shareFields: ["first_name"],
    ...overrides,
  });
  await insertCase(db, dataKeyring(testConfig()), c, null);
  return c;
}

/** An accepted referral of the case to the association, with the first meeting's local time and place. */
export async function acceptReferral(db: Database, tenant: TenantFixture, caseId: string, associationId: string, at: string, place: string) {
  await db
    .insertInto("bridge_referrals")
    .values({
      id: newId(),
      tenant_id: tenant.id,
      case_id: caseId,
      pick_id: null,
      association_id: associationId,
      status: "accepted",
      shared: "",
      sent_by: null,
      sent_at: new Date().toISOString(),
      answered_by: null,
      answered_at: new Date().toISOString(),
      decline_reason: null,
      first_meeting_at: at,
      meeting_place: place,
      met_at: null,
      welcome_items: "[]",
      welcome_done: "",
    })
    .execute();
}
