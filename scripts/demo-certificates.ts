// Child-protection certificates in the demo: the homework club's board keeps three volunteers' records, one
// at each step, one of them due for renewal soon. Dates are counted from the demo's clock.

import { Temporal } from "temporal-polyfill";
import type { Database } from "../src/db/database.js";
import { insert } from "../src/modules/certificates/certificates.repository.js";
import { newId } from "../src/platform/ids.js";

export interface CertificatesDemoInput {
  tenantId: string;
  zone: string;
  now: Date;
  associationId: string;
  boardId: string;
  /** The association's job that needs a certificate, if any. */
  jobId: string | null;
}

export async function seedCertificates(db: Database, input: CertificatesDemoInput) {
  const today = Temporal.Instant.fromEpochMilliseconds(input.now.getTime()).toZonedDateTimeISO(input.zone).toPlainDate();
  const day = (days: number) => today.add({ days }).toString();
  const at = input.now.toISOString();
  const base = {
    tenantId: input.tenantId,
    associationId: input.associationId,
    opportunityId: input.jobId,
    requestedBy: input.boardId,
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
  };
  await insert(db, { ...base, id: newId(), name: "Sara Holm", email: "sara.holm@example.org", requestedOn: day(-3), note: "Formanden sender anmodningen." });
  await insert(db, {
    ...base,
    id: newId(),
    name: "Jonas Berg",
    email: "jonas.berg@example.org",
    requestedOn: day(-6),
    consentedOn: day(-4),
    consentLapsesOn: day(10),
    consentRecordedBy: input.boardId,
  });
  await insert(db, {
    ...base,
    id: newId(),
    name: "Aisha Rahman",
    email: "aisha.rahman@example.org",
    requestedOn: day(-740),
    consentedOn: day(-738),
    consentLapsesOn: day(-724),
    consentRecordedBy: input.boardId,
    outcome: "no_remarks",
    assessedOn: day(-710),
    assessedBy: input.boardId,
    renewOn: today.subtract({ days: 710 }).add({ months: 24 }).toString(),
  });
}
