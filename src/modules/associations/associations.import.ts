import { auditEntry } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import type { CsvRow, ImportProblem, ImportReport } from "../../platform/csv-import.js";
import { issuesToFieldErrors } from "../../platform/http/forms.js";
import { newId } from "../../platform/ids.js";
import type { ServiceContext } from "../../platform/service-context.js";
import type { ImportKind } from "../../platform/ui/import-page.js";
import { canListAllAssociations } from "./associations.policy.js";
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
  const actor = ctx.actor;
  const schema = associationInput(ctx.tenant.country);
  const existing = await ctx.db
    .selectFrom("associations")
    .select(["id", "name", "registration_number", "email", "phone"])
    .where("tenant_id", "=", ctx.tenant.id)
    .execute();
  const byNumber = new Map(existing.filter((a) => a.registration_number).map((a) => [a.registration_number, a]));
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
    else if (match.name === a.name && match.registration_number === a.registrationNumber && match.email === a.email && match.phone === a.phone) unchanged++;
    else updates.push({ ...a, id: match.id });
  }

  const report = { added: inserts.length, updated: updates.length, unchanged, problems, applied: false };
  if (!apply || problems.length > 0 || inserts.length + updates.length === 0) return report;
  const now = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    for (let i = 0; i < inserts.length; i += 500) {
      await trx
        .insertInto("associations")
        .values(
          inserts.slice(i, i + 500).map((a) => ({
            id: newId(),
            tenant_id: ctx.tenant.id,
            name: a.name,
            registration_number: a.registrationNumber,
            email: a.email,
            phone: a.phone,
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
    }
    for (const a of updates) {
      await trx
        .updateTable("associations")
        .set({ name: a.name, registration_number: a.registrationNumber, email: a.email, phone: a.phone, updated_at: now })
        .where("tenant_id", "=", ctx.tenant.id)
        .where("id", "=", a.id)
        .execute();
    }
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: "userId" in actor ? actor.userId : null,
      action: "associations.imported",
      entityType: "tenant",
      entityId: ctx.tenant.id,
      ip: ctx.ip,
      details: { added: inserts.length, updated: updates.length },
    });
  });
  return { ...report, applied: true };
}
