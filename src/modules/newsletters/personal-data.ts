import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import * as repo from "./newsletters.repository.js";

/**
 * What newsletters hold about a person: by the address shown to be theirs, their subscription, their unsubscribe
 * and the newsletters that were sent to it; by their account, the newsletters they wrote as staff. Erasure forgets
 * the address everywhere; a newsletter they wrote stays the centre's, without their name.
 */
export const personalData: PersonalDataSource = {
  columns: ["newsletters.created_by", "newsletter_recipients.email", "newsletter_unsubscribes.email", "newsletter_subscribers.email"],
  async read(db, _ring, subject) {
    const byEmail = subject.email ? await repo.ofEmail(db, subject.tenantId, subject.email.toLowerCase()) : null;
    const written = subject.userId ? await repo.writtenBy(db, subject.tenantId, subject.userId) : [];
    if (!byEmail && !written.length) return {};
    return {
      newsletters: {
        subscriptions: byEmail?.subscriptions ?? [],
        unsubscribes: byEmail?.unsubscribes ?? [],
        received: byEmail?.received ?? [],
        written,
      },
    };
  },
  async erase(trx, subject) {
    if (subject.email) await repo.eraseEmail(trx, subject.tenantId, subject.email.toLowerCase());
    if (subject.userId) await repo.forgetAuthor(trx, subject.tenantId, subject.userId);
  },
};
