import type { SealedField } from "../../platform/crypto/reseal.js";
import { hashSecret } from "../../platform/crypto/secret-hash.js";
import { deleteMails } from "../../platform/mail/outbox.repository.js";
import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import * as records from "./case-records.repository.js";
import * as repo from "./cases.repository.js";

const caseIdsOf = (db: Parameters<PersonalDataSource["read"]>[0], subject: Parameters<PersonalDataSource["read"]>[2]) =>
  records.caseIdsOfSubject(db, subject.tenantId, subject.userId, subject.email ? hashSecret(subject.email.trim().toLowerCase()) : null);

/**
 * A person's bridge-building cases, found by their account or the hash of their e-mail address: handed
 * over whole (with notes, referrals, follow-ups and who read the case), and deleted on erasure. Staff who
 * worked on other people's cases are taken off them; the cases stay.
 */
export const personalData: PersonalDataSource = {
  columns: [
    "bridge_cases.person_id",
    "bridge_cases.referred_by",
    "bridge_cases.builder_id",
    "bridge_cases.consent_by",
    "bridge_cases.companion_id",
    "bridge_case_shares.user_id",
    "bridge_notes.author_id",
    "bridge_referrals.sent_by",
    "bridge_referrals.answered_by",
    "bridge_companions.user_id",
    "bridge_follow_ups.recorded_by",
  ],
  async read(db, ring, subject) {
    const ids = await caseIdsOf(db, subject);
    if (ids.length === 0) return {};
    const [notes, referrals, followUps, reads] = await Promise.all([
      records.notesOf(db, ring, subject.tenantId, ids),
      records.referralsOfCases(db, ring, subject.tenantId, ids),
      records.followUpsOfCases(db, ring, subject.tenantId, ids),
      records.readsOfCases(db, subject.tenantId, ids),
    ]);
    const cases = [];
    for (const id of ids) {
      const c = await repo.findCase(db, ring, subject.tenantId, id);
      if (!c) continue;
      cases.push({
        first_name: c.firstName,
        contact: c.contact,
        language: c.language,
        source: c.source,
        source_unit: c.sourceUnit,
        reason: c.reason,
        status: c.status,
        consent: c.consent,
        wishes: c.wishes,
        interests: c.interests,
        resources: c.resources,
        needs: c.needs,
        notes: c.notes,
        time_slots: c.slots,
        postcode: c.postcode,
        languages: c.languages,
        intake_at: c.intakeAt,
        share_fields: c.shareFields,
        delete_after: c.purgeAfter,
        created_at: c.createdAt,
        closed_at: c.closedAt,
        case_notes: notes.filter((n) => n.caseId === id).map((n) => ({ text: n.body, at: n.createdAt })),
        referrals: referrals.filter((r) => r.case_id === id).map(({ case_id: _, ...r }) => r),
        follow_ups: followUps.filter((f) => f.case_id === id).map(({ case_id: _, ...f }) => f),
        read_by_others: reads.filter((r) => r.case_id === id).map(({ case_id: _, ...r }) => r),
      });
    }
    return { bridge_building: cases };
  },
  async erase(trx, subject) {
    for (const id of await caseIdsOf(trx, subject)) {
      const mails = await repo.mailsOf(trx, subject.tenantId, id);
      await repo.deleteCase(trx, subject.tenantId, id);
      await deleteMails(trx, subject.tenantId, mails);
    }
    if (subject.userId) await records.forgetStaff(trx, subject.tenantId, subject.userId);
  },
};

export const notAPerson: Record<string, string> = { "bridge_picks.picked_by": "who put the suggestion forward: matching or a bridge-builder, as a code" };

const caseField = (column: string): SealedField => ({ table: "bridge_cases", column, key: ["id"] });

/** Every sealed column of bridge-building's tables. */
export const sealedFields: SealedField[] = [
  ...["first_name", "contact", "reason", "wishes", "resources", "needs", "notes"].map(caseField),
  { table: "bridge_notes", column: "body", key: ["id"] },
  { table: "bridge_referrals", column: "shared", key: ["id"] },
  { table: "bridge_referrals", column: "decline_reason", key: ["id"] },
  { table: "bridge_follow_ups", column: "why", key: ["id"] },
  { table: "bridge_follow_ups", column: "person_words", key: ["id"] },
];
