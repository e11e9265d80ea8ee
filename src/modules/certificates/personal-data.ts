import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import * as repo from "./certificates.repository.js";

/**
 * What certificates hold about a person: as a volunteer, the records an association keeps about their
 * certificate (found by their e-mail address, deleted on erasure); as a board member, the steps they recorded
 * (the association's records stay, without their name).
 */
export const personalData: PersonalDataSource = {
  columns: [
    "child_certificates.name",
    "child_certificates.email",
    "child_certificates.requested_by",
    "child_certificates.consent_recorded_by",
    "child_certificates.assessed_by",
  ],
  async read(db, _ring, subject) {
    const { tenantId, userId, email } = subject;
    const [own, recorded] = await Promise.all([email ? repo.ofEmail(db, tenantId, email) : [], userId ? repo.recordedBy(db, tenantId, userId) : []]);
    if (own.length === 0 && recorded.length === 0) return {};
    return {
      child_protection_certificates: {
        about_you: own.map((c) => ({
          association: c.associationId,
          name: c.name,
          email: c.email,
          requested_on: c.requestedOn,
          consented_on: c.consentedOn,
          consent_lapses_on: c.consentLapsesOn,
          outcome: c.outcome,
          assessed_on: c.assessedOn,
          renew_on: c.renewOn,
          left_on: c.leftOn,
          note: c.note,
        })),
        steps_you_recorded: recorded.map((c) => ({
          association: c.associationId,
          requested: c.requestedBy === userId,
          consent: c.consentRecordedBy === userId,
          assessment: c.assessedBy === userId,
        })),
      },
    };
  },
  async erase(trx, subject) {
    if (subject.email) await repo.removeOfEmail(trx, subject.tenantId, subject.email);
    if (subject.userId) await repo.forgetRecorder(trx, subject.tenantId, subject.userId);
  },
};
