import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import { isLang, type Lang } from "../../platform/i18n/i18n.js";
import { GUIDE_CATEGORIES, type Guide, type GuideCategory, type GuideText } from "./guides.model.js";
import type { GuidesTable } from "./guides.table.js";

function textsOf(json: string): Guide["texts"] {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return {};
  }
  const out: Guide["texts"] = {};
  if (!value || typeof value !== "object") return out;
  for (const [lang, t] of Object.entries(value as Record<string, unknown>)) {
    if (!isLang(lang) || !t || typeof t !== "object") continue;
    const { title, summary, body } = t as Record<string, unknown>;
    if (typeof title === "string" && title)
      out[lang as Lang] = { title, summary: typeof summary === "string" ? summary : "", body: typeof body === "string" ? body : "" } satisfies GuideText;
  }
  return out;
}

const toGuide = (row: Selectable<GuidesTable>): Guide => ({
  id: row.id,
  tenantId: row.tenant_id,
  slug: row.slug,
  category: (GUIDE_CATEGORIES as readonly string[]).includes(row.category) ? (row.category as GuideCategory) : "board",
  status: row.status,
  texts: textsOf(row.texts),
  createdAt: row.created_at,
  updatedAt: row.updated_at,
  publishedAt: row.published_at,
});

const guideRow = (tenantId: string, g: Guide): Selectable<GuidesTable> => ({
  id: g.id,
  tenant_id: tenantId,
  slug: g.slug,
  category: g.category,
  status: g.status,
  texts: JSON.stringify(g.texts),
  created_at: g.createdAt,
  updated_at: g.updatedAt,
  published_at: g.publishedAt,
});

export async function insertGuide(db: Database, tenantId: string, guide: Guide): Promise<void> {
  await db.insertInto("guides").values(guideRow(tenantId, guide)).execute();
}

export async function updateGuide(db: Database, tenantId: string, guide: Guide): Promise<void> {
  const { id: _id, tenant_id: _t, created_at: _c, ...row } = guideRow(tenantId, guide);
  await db.updateTable("guides").set(row).where("tenant_id", "=", tenantId).where("id", "=", guide.id).execute();
}

export async function deleteGuide(db: Database, tenantId: string, id: string): Promise<void> {
  await db.deleteFrom("guides").where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

export async function findGuide(db: Database, tenantId: string, id: string): Promise<Guide | null> {
  const row = await db.selectFrom("guides").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row ? toGuide(row) : null;
}

export async function findPublishedBySlug(db: Database, tenantId: string, slug: string): Promise<Guide | null> {
  const row = await db
    .selectFrom("guides")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("slug", "=", slug)
    .where("status", "=", "published")
    .executeTakeFirst();
  return row ? toGuide(row) : null;
}

/** The slugs taken in the tenant that start like this one (for a new, unique slug). */
export async function slugsLike(db: Database, tenantId: string, base: string, exceptId: string | null): Promise<Set<string>> {
  let q = db.selectFrom("guides").select("slug").where("tenant_id", "=", tenantId).where("slug", "like", `${base}%`);
  if (exceptId) q = q.where("id", "!=", exceptId);
  return new Set((await q.execute()).map((r) => r.slug));
}

/** Every guide of the tenant, drafts too, the last changed first. */
export async function allGuides(db: Database, tenantId: string): Promise<Guide[]> {
  const rows = await db.selectFrom("guides").selectAll().where("tenant_id", "=", tenantId).orderBy("updated_at", "desc").orderBy("id").execute();
  return rows.map(toGuide);
}

/** The published guides, newest first; one category or all; a page of them and how many there are in all. */
export async function publishedGuides(
  db: Database,
  tenantId: string,
  options: { category?: GuideCategory | undefined; limit?: number; offset?: number } = {},
): Promise<{ rows: Guide[]; total: number }> {
  let base = db.selectFrom("guides").where("tenant_id", "=", tenantId).where("status", "=", "published");
  if (options.category) base = base.where("category", "=", options.category);
  let q = base.selectAll().orderBy("published_at", "desc").orderBy("id", "desc");
  if (options.limit !== undefined) q = q.limit(options.limit).offset(options.offset ?? 0);
  const [rows, count] = await Promise.all([q.execute(), base.select((eb) => eb.fn.countAll<number>().as("n")).executeTakeFirstOrThrow()]);
  return { rows: rows.map(toGuide), total: Number(count.n) };
}
