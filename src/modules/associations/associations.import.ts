import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import type { CsvRow, ImportProblem, ImportReport } from "../../platform/csv-import.js";
import { issuesToFieldErrors } from "../../platform/http/forms.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { ImportKind } from "../../platform/ui/import-page.js";
import { canListAllAssociations } from "./associations.policy.js";
import * as repo from "./associations.repository.js";
import { type AssociationInput, associationInput } from "./associations.schema.js";

/** What other systems call an association's register number (CVR, organisasjonsnummer, KvK). */
export const REGISTRATION_NUMBER_NAMES = ["cvr", "cvrnummer", "orgnr", "organisasjonsnummer", "kvk", "kvknummer", "registration_number"];

/** The columns an import reads, with the names other systems give them. */
export const ASSOCIATION_IMPORT: ImportKind = {
  action: "/associations/import",
  texts: { title: "import.title", intro: "import.intro", columns: "import.columns", done: "import.done" },
  columns: {
    name: ["navn", "forening", "foreningsnavn", "organisation", "naam"],
    registrationNumber: REGISTRATION_NUMBER_NAMES,
    email: ["e-mail", "mail", "epost", "e-post"],
    phone: ["telefon", "tlf", "telefoon", "phone_number"],
  },
  required: ["name", "email"],
  fieldLabels: {
    name: "association.name",
    registrationNumber: "association.regNumber",
    email: "auth.email",
    phone: "association.phone",
  },
};

export function mayImport(ctx: ServiceContext) {
  authorize(ctx.actor, canListAllAssociations, { tenantId: ctx.tenant.id });
}

/**
 * Associations from the system a centre leaves. An association already here (same register number,
 * or same name) is updated, never doubled. With apply false nothing is written; with any bad row
 * nothing is written either.
 */
export async function importAssociations(ctx: ServiceContext, rows: CsvRow[], apply: boolean): Promise<ImportReport> {
  authorize(ctx.actor, canListAllAssociations, { tenantId: ctx.tenant.id });
  const schema = associationInput(ctx.tenant.country);
  const existing = await repo.identities(ctx.db, ctx.tenant.id);
  const byNumber = new Map(existing.filter((a) => a.registrationNumber).map((a) => [a.registrationNumber, a]));
  const byName = new Map(existing.map((a) => [a.name.toLowerCase(), a]));
  const seen = new Map<string, number>();
  const problems: ImportProblem[] = [];
  const inserts: AssociationInput[] = [];
  const updates: (AssociationInput & { id: string })[] = [];
  let unchanged = 0;

  for (const row of rows) {
    const parsed = schema.safeParse(row.values);
    if (!parsed.success) {
      for (const [field, message] of Object.entries(issuesToFieldErrors(parsed.error.issues))) problems.push({ line: row.line, field, message });
      continue;
    }
    const a = parsed.data;
    const identity = a.registrationNumber ?? a.name.toLowerCase();
    if (seen.has(identity)) {
      problems.push({ line: row.line, field: a.registrationNumber ? "registrationNumber" : "name", message: "csv.duplicate" });
      continue;
    }
    seen.set(identity, row.line);
    const match = (a.registrationNumber ? byNumber.get(a.registrationNumber) : undefined) ?? byName.get(a.name.toLowerCase());
    if (!match) inserts.push(a);
    else if (match.name === a.name && match.registrationNumber === a.registrationNumber && match.email === a.email && match.phone === a.phone) unchanged++;
    else updates.push({ ...a, id: match.id });
  }

  const report = { added: inserts.length, updated: updates.length, unchanged, problems, applied: false };
  if (!apply || problems.length > 0 || inserts.length + updates.length === 0) return report;
  const now = isoNow(ctx.clock);
  await inTransaction(ctx, async (tx) => {
    await repo.insert(
      tx.db,
      tx.tenant.id,
      inserts.map((a) => ({ ...a, id: newId() })),
      now,
    );
    for (const { id, ...details } of updates) await repo.updateDetails(tx.db, tx.tenant.id, id, details, now);
    await audit(tx, "associations.imported", { type: "tenant", id: tx.tenant.id }, { added: inserts.length, updated: updates.length });
  });
  return { ...report, applied: true };
}
