import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { Labels, StoredTerm, TermKind } from "./taxonomy.model.js";
import type { TaxonomyTermsTable } from "./taxonomy.table.js";

export const toTerm = (row: Selectable<TaxonomyTermsTable>): StoredTerm => ({
  id: row.id,
  kind: row.kind,
  code: row.code,
  labels: JSON.parse(row.labels) as Partial<Labels>,
  position: row.position,
});

/** Adds the terms the tenant does not have yet (by kind and code); those it has are left as they are. */
export async function insertMissing(db: Database, tenantId: string, terms: StoredTerm[]): Promise<void> {
  const rows = terms.map((t) => ({ id: t.id, tenant_id: tenantId, kind: t.kind, code: t.code, labels: JSON.stringify(t.labels), position: t.position }));
  await db
    .insertInto("taxonomy_terms")
    .values(rows)
    .onConflict((oc) => oc.columns(["tenant_id", "kind", "code"]).doNothing())
    .execute();
}

export async function list(db: Database, tenantId: string, kind: TermKind): Promise<StoredTerm[]> {
  const rows = await db.selectFrom("taxonomy_terms").selectAll().where("tenant_id", "=", tenantId).where("kind", "=", kind).orderBy("position").execute();
  return rows.map(toTerm);
}
