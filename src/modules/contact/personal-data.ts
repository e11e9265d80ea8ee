import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import * as repo from "./contact.repository.js";

/**
 * What contact holds about a person. A sender is known by the e-mail address she wrote from (the form
 * needs no account), so her enquiries are found and deleted by that address, as fair leads and network
 * members are. As staff, she is the person a topic names and who answered: the topic and the answer
 * stay, without her.
 */
export const personalData: PersonalDataSource = {
  columns: ["contact_enquiries.sender_email", "contact_enquiries.sender_phone", "contact_enquiries.answered_by", "contact_topics.staff_user_id"],
  async read(db, _ring, subject) {
    return {
      ...(subject.email ? { contact_enquiries: await repo.enquiriesOfSender(db, subject.tenantId, subject.email) } : {}),
      ...(subject.userId ? await repo.staffShareOf(db, subject.tenantId, subject.userId) : {}),
    };
  },
  async erase(trx, subject) {
    if (subject.email) await repo.forgetSender(trx, subject.tenantId, subject.email);
    if (subject.userId) await repo.forgetStaff(trx, subject.tenantId, subject.userId);
  },
};

export const notAPerson: Record<string, string> = {
  "contact_topics.inbox_email": "a unit's shared inbox, which the tenant's administrator writes for a topic",
};
