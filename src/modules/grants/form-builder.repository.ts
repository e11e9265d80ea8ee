import type { Database } from "../../db/database.js";

/** How many applications were made on each of the scheme's form versions, by version number. */
export async function applicationsByVersion(db: Database, tenantId: string, schemeId: string): Promise<{ version: number; count: number }[]> {
  const rows = await db
    .selectFrom("grant_applications as a")
    .innerJoin("grant_form_versions as v", (j) => j.onRef("v.id", "=", "a.form_version_id").onRef("v.tenant_id", "=", "a.tenant_id"))
    .select(["v.version", (eb) => eb.fn.countAll<number | string>().as("n")])
    .where("a.tenant_id", "=", tenantId)
    .where("a.scheme_id", "=", schemeId)
    .groupBy("v.version")
    .orderBy("v.version")
    .execute();
  return rows.map((r) => ({ version: r.version, count: Number(r.n) }));
}
