import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import { forgetRegistrant, registrationsOfSubject } from "./events.repository.js";
import { forgetFairSubject, leadsOfSubject } from "./fair.repository.js";

/** A person's registrations for events, and their name on events they organised or registered others for. */
export const personalData: PersonalDataSource = {
  columns: [
    "event_registrations.user_id",
    "event_registrations.name",
    "event_registrations.email",
    "event_registrations.phone",
    "event_registrations.added_by",
    "event_attendance.marked_by",
    "events.created_by",
    // The fair: visitors' leads, who applied for a stand, who recorded an agreement.
    "fair_leads.email",
    "fair_leads.name",
    "fair_stands.applied_by",
    "fair_agreements.recorded_by",
  ],
  async read(db, ring, subject) {
    return {
      event_registrations: await registrationsOfSubject(db, ring, subject.tenantId, subject),
      fair_interests: await leadsOfSubject(db, subject.tenantId, subject.email),
    };
  },
  async erase(trx, subject) {
    await forgetRegistrant(trx, subject.tenantId, subject);
    await forgetFairSubject(trx, subject.tenantId, subject);
  },
};

export const notAPerson: Record<string, string> = { "events.contact_email": "the organiser's own address for questions about the event" };
