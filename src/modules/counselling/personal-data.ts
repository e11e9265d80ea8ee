import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import * as repo from "./counselling.repository.js";

/**
 * What the counselling log holds about a person: as a new initiative's contact, their name, address, telephone,
 * what they asked about and agreed, and the staff's notes of those conversations (the right of access reaches them); as staff, the cases and conversations they kept. On erasure the contact's
 * details are blanked and staff are taken off the cases; the centre's record of its counselling stays.
 */
export const personalData: PersonalDataSource = {
  columns: [
    "counselling_cases.contact_email",
    "counselling_cases.contact_phone",
    "counselling_cases.staff_id",
    "counselling_cases.created_by",
    "counselling_cases.closed_by",
    "counselling_entries.responsible_id",
    "counselling_entries.created_by",
  ],
  async read(db, _ring, subject) {
    const { tenantId, userId, email } = subject;
    const [asContact, kept, entries] = await Promise.all([
      email ? repo.casesOfContact(db, tenantId, email) : [],
      userId ? repo.casesKeptBy(db, tenantId, userId) : [],
      userId ? repo.entriesKeptBy(db, tenantId, userId) : [],
    ]);
    const shared = await repo.entriesOf(
      db,
      tenantId,
      asContact.map((c) => c.id),
    );
    const counselling = {
      as_contact: asContact.map((c) => ({
        name: c.contactName,
        email: c.contactEmail,
        phone: c.contactPhone,
        initiative: c.initiativeName,
        topic: c.topic,
        about: c.about,
        opened: c.createdAt,
        conversations: shared
          .filter((e) => e.caseId === c.id)
          .map((e) => ({
            held_on: e.heldOn,
            minutes: e.minutes,
            agreed: e.agreed,
            staff_note: e.internalNote,
            next_step: e.nextStep,
            next_step_on: e.nextStepOn,
          })),
      })),
      cases_kept: kept.map((c) => ({ case: c.id, topic: c.topic, opened: c.createdAt, status: c.status })),
      conversations_kept: entries.map((e) => ({ case: e.caseId, held_on: e.heldOn, minutes: e.minutes })),
    };
    return Object.values(counselling).every((l) => l.length === 0) ? {} : { counselling };
  },
  async erase(trx, subject) {
    if (subject.email) await repo.forgetContact(trx, subject.tenantId, subject.email);
    if (subject.userId) await repo.forgetStaff(trx, subject.tenantId, subject.userId);
  },
};
