import { isoNow } from "../../platform/clock.js";
import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import { bookingsOfPerson, forgetBooker } from "./personal-data.repository.js";

/** A person's bookings of premises and their seasonal applications. */
export const personalData: PersonalDataSource = {
  columns: ["bookings.user_id", "bookings.decided_by", "allocation_applications.user_id"],
  async read(db, _ring, subject) {
    if (!subject.userId) return {};
    const { bookings, rounds } = await bookingsOfPerson(db, subject.tenantId, subject.userId);
    return { bookings, seasonal_applications: rounds };
  },
  async erase(trx, subject, { clock, pseudonym }) {
    if (subject.userId) await forgetBooker(trx, subject.tenantId, subject.userId, pseudonym, isoNow(clock));
  },
};
