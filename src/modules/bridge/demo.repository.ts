import type { Database } from "../../db/database.js";
import { type Keyring, seal } from "../../platform/crypto/sealed.js";
import type { BridgeNote, BridgePick, BridgeReferral } from "./bridge.model.js";

/**
 * Writers for the demo municipality and the tests' worlds only: notes, picks and referrals written as
 * they stand (follow-ups and companions go through their own repositories), sealed with the same field names as the module's own writers.
 * The application's pages write these rows through their services, never through these.
 */

export async function insertDemoNote(db: Database, ring: Keyring, tenantId: string, n: BridgeNote): Promise<void> {
  await db
    .insertInto("bridge_notes")
    .values({
      id: n.id,
      tenant_id: tenantId,
      case_id: n.caseId,
      author_id: n.authorId,
      body: seal(ring, "bridge_notes.body", n.body),
      created_at: n.createdAt,
    })
    .execute();
}

export async function insertDemoPick(db: Database, tenantId: string, p: BridgePick): Promise<void> {
  await db
    .insertInto("bridge_picks")
    .values({
      id: p.id,
      tenant_id: tenantId,
      case_id: p.caseId,
      kind: p.kind,
      target_id: p.targetId,
      association_id: p.associationId,
      title: p.title,
      category: p.category,
      picked_by: p.pickedBy,
      chosen: p.chosen ? 1 : 0,
      created_at: p.createdAt,
    })
    .execute();
}

export async function insertDemoReferral(db: Database, ring: Keyring, tenantId: string, r: BridgeReferral): Promise<void> {
  await db
    .insertInto("bridge_referrals")
    .values({
      id: r.id,
      tenant_id: tenantId,
      case_id: r.caseId,
      pick_id: r.pickId,
      association_id: r.associationId,
      status: r.status,
      shared: seal(ring, "bridge_referrals.shared", JSON.stringify(r.shared)),
      sent_by: r.sentBy,
      sent_at: r.sentAt,
      answered_by: r.answeredBy,
      answered_at: r.answeredAt,
      decline_reason: r.declineReason,
      first_meeting_at: r.firstMeetingAt,
      meeting_place: r.meetingPlace,
      met_at: r.metAt,
      welcome_items: JSON.stringify(r.welcomeItems),
      welcome_done: r.welcomeDone.join(","),
    })
    .execute();
}
