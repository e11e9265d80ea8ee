import type { Database } from "../../db/database.js";
import type { Lang } from "../../platform/i18n/i18n.js";

/** The tenant's synonyms text for each language it has written one for. */
export async function synonymTexts(db: Database, tenantId: string): Promise<Partial<Record<Lang, string>>> {
  const rows = await db.selectFrom("search_synonyms").select(["lang", "groups"]).where("tenant_id", "=", tenantId).execute();
  return Object.fromEntries(rows.map((r) => [r.lang, r.groups]));
}

export async function upsertSynonyms(db: Database, tenantId: string, lang: Lang, groups: string, at: string): Promise<void> {
  await db
    .insertInto("search_synonyms")
    .values({ tenant_id: tenantId, lang, groups, updated_at: at })
    .onConflict((oc) => oc.columns(["tenant_id", "lang"]).doUpdateSet({ groups, updated_at: at }))
    .execute();
}
