import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import * as repo from "./agreements.repository.js";

/**
 * What the agreements hold about a person: the agreements they keep as caseworker, those that name
 * them as contact person (by their e-mail), and the documents they added. On erasure the agreements
 * stay (they are the municipality's and the associations' record); the person is taken off them.
 */
export const personalData: PersonalDataSource = {
  columns: ["agreements.responsible_user_id", "agreements.contact_email", "agreements.contact_phone", "agreement_documents.created_by"],
  async read(db, _ring, subject) {
    const { tenantId, userId, email } = subject;
    const [agreements, documents] = await Promise.all([
      repo.agreementsNamingPerson(db, tenantId, userId, email),
      userId ? repo.documentsAddedBy(db, tenantId, userId) : Promise.resolve([]),
    ]);
    return {
      cooperation_agreements: agreements.map((a) => ({
        agreement: a.title,
        keeps_it: a.responsible_user_id !== null && a.responsible_user_id === userId,
        contact_person: email !== null && a.contact_email === email ? { name: a.contact_name, email: a.contact_email, phone: a.contact_phone } : null,
      })),
      cooperation_agreement_documents_added: documents.map((d) => ({ agreement: d.agreement_id, name: d.name, added_at: d.created_at })),
    };
  },
  async erase(trx, subject) {
    await repo.forgetPerson(trx, subject.tenantId, subject.userId, subject.email);
  },
};
