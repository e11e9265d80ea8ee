import type { Database } from "../../src/db/database.js";
import type { Certificate } from "../../src/modules/certificates/certificates.model.js";
import { insert } from "../../src/modules/certificates/certificates.repository.js";
import { newId } from "../../src/platform/ids.js";

/** A volunteer's child-protection certificate record, as the certificates service would leave it. */
export async function buildCertificate(
  db: Database,
  tenantId: string,
  associationId: string,
  input: Partial<Omit<Certificate, "id" | "tenantId" | "associationId">> & { name: string; email: string },
): Promise<Certificate> {
  const at = input.createdAt ?? "2026-11-01T09:00:00.000Z";
  const c: Certificate = {
    id: newId(),
    tenantId,
    associationId,
    opportunityId: null,
    requestedOn: "2026-11-01",
    requestedBy: null,
    consentedOn: null,
    consentLapsesOn: null,
    consentRecordedBy: null,
    outcome: null,
    assessedOn: null,
    assessedBy: null,
    renewOn: null,
    leftOn: null,
    note: "",
    renewalRemindedAt: null,
    lapseRemindedAt: null,
    createdAt: at,
    updatedAt: at,
    ...input,
  };
  await insert(db, c);
  return c;
}
