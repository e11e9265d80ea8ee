import type { SealedField } from "../../platform/crypto/reseal.js";
import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import { readsOf } from "../../platform/privacy/platform-data.js";
import { jobsByIds } from "../opportunities/index.js";
import * as repo from "./applications.repository.js";

export const sealedFields: SealedField[] = [
  { table: "applications", column: "message", key: ["id"] },
  { table: "application_messages", column: "body", key: ["id"] },
];

export const personalData: PersonalDataSource = {
  columns: ["applications.user_id", "applications.email", "applications.name", "applications.phone", "application_messages.author_id"],
  async read(db, ring, subject) {
    const applications = await repo.applicationsWithThreads(db, ring, subject.tenantId, subject);
    const ids = applications.map((a) => a.id);
    const [reads, jobs] = await Promise.all([
      readsOf(db, subject.tenantId, "application", ids),
      jobsByIds(
        db,
        subject.tenantId,
        applications.map((a) => a.opportunityId),
      ),
    ]);
    return {
      applications: applications.map((a) => ({
        volunteer_job: jobs.get(a.opportunityId)?.title ?? "",
        name: a.name,
        email: a.email,
        phone: a.phone,
        message: a.message,
        status: a.status,
        created_at: a.createdAt,
        conversation: a.messages.map((m) => ({ from: m.sender, text: m.body, at: m.createdAt })),
        read_by_others: reads.filter((r) => r.subject_id === a.id).map(({ action, at }) => ({ action, at })),
      })),
    };
  },
  async erase(trx, subject) {
    await repo.forgetApplicant(trx, subject.tenantId, subject);
  },
};
