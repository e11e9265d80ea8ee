import { audit } from "../../platform/audit/audit.js";
import { authorize, can } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { type FieldErrors, invalid, notFound } from "../../platform/http/errors.js";
import type { Lang } from "../../platform/i18n/i18n.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { GUIDE_CATEGORIES, type Guide, type GuideCategory, type GuideReading, readGuide, slugFrom } from "./guides.model.js";
import { canWriteGuides } from "./guides.policy.js";
import * as repo from "./guides.repository.js";
import { type GuideInput, MISSING } from "./guides.schema.js";
import { indexGuide, unindexGuide } from "./guides.search.js";

/** Addresses under /guides that are pages of their own, never a guide's slug. */
const RESERVED = ["manage", "new", "categories"];

/** Staff, caseworker or the tenant's admin; anyone else gets a 403 (a sign-in when not signed in). */
export function mayWrite(ctx: ServiceContext) {
  authorize(ctx.actor, canWriteGuides, { tenantId: ctx.tenant.id });
}

export const writesGuides = (ctx: ServiceContext) => can(ctx.actor, canWriteGuides, { tenantId: ctx.tenant.id });

/** The texts as written: the default language always, each other language of the tenant once it has a title. */
function textsOf(ctx: ServiceContext, input: GuideInput): Guide["texts"] {
  const errors: FieldErrors = {};
  const texts: Guide["texts"] = { [ctx.tenant.defaultLanguage]: { title: input.title, summary: input.summary, body: input.body } };
  for (const lang of ctx.tenant.languages) {
    if (lang === ctx.tenant.defaultLanguage) continue;
    const [title, summary, body] = [input[`title_${lang}`], input[`summary_${lang}`], input[`body_${lang}`]];
    if (!title && !summary && !body) continue;
    // A language begun is a language finished: a title and a text, never half an article in another language.
    if (!title) errors[`title_${lang}`] = MISSING.title;
    if (!body) errors[`body_${lang}`] = MISSING.body;
    texts[lang] = { title, summary, body };
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  return texts;
}

async function uniqueSlug(ctx: ServiceContext, title: string, exceptId: string | null): Promise<string> {
  const base = slugFrom(title, new Set());
  const taken = await repo.slugsLike(ctx.db, ctx.tenant.id, base, exceptId);
  for (const r of RESERVED) taken.add(r);
  return slugFrom(title, taken);
}

/** A new guide, a draft or published at once. */
export async function createGuide(ctx: ServiceContext, input: GuideInput): Promise<Guide> {
  mayWrite(ctx);
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const guide: Guide = {
      id: newId(),
      tenantId: tx.tenant.id,
      slug: await uniqueSlug(tx, input.title, null),
      category: input.category,
      status: input.status,
      texts: textsOf(tx, input),
      createdAt: now,
      updatedAt: now,
      publishedAt: input.status === "published" ? now : null,
    };
    await repo.insertGuide(tx.db, tx.tenant.id, guide);
    await indexGuide(tx, guide);
    await audit(tx, "guides.created", { type: "guide", id: guide.id }, { status: guide.status });
    return guide;
  });
}

/**
 * A guide changed. Its address follows its title until it is first published; after that it stays, so links to it keep working.
 */
export async function changeGuide(ctx: ServiceContext, id: string, input: GuideInput): Promise<Guide> {
  mayWrite(ctx);
  return inTransaction(ctx, async (tx) => {
    const before = await repo.findGuide(tx.db, tx.tenant.id, id);
    if (!before) throw notFound();
    const now = isoNow(tx.clock);
    const guide: Guide = {
      ...before,
      slug: before.publishedAt ? before.slug : await uniqueSlug(tx, input.title, id),
      category: input.category,
      status: input.status,
      texts: textsOf(tx, input),
      updatedAt: now,
      publishedAt: before.publishedAt ?? (input.status === "published" ? now : null),
    };
    await repo.updateGuide(tx.db, tx.tenant.id, guide);
    await indexGuide(tx, guide);
    const action = before.status === guide.status ? "guides.changed" : guide.status === "published" ? "guides.published" : "guides.unpublished";
    await audit(tx, action, { type: "guide", id });
    return guide;
  });
}

/** A guide taken away for good: out of the list, the search and the API; the audit keeps that it was. */
export async function deleteGuide(ctx: ServiceContext, id: string): Promise<void> {
  await guideToEdit(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await repo.deleteGuide(tx.db, tx.tenant.id, id);
    await unindexGuide(tx, id);
    await audit(tx, "guides.deleted", { type: "guide", id });
  });
}

/** A guide to edit: the writer's, found in the tenant (else 404). */
export async function guideToEdit(ctx: ServiceContext, id: string): Promise<Guide> {
  mayWrite(ctx);
  const guide = await repo.findGuide(ctx.db, ctx.tenant.id, id);
  if (!guide) throw notFound();
  return guide;
}

/** Every guide, drafts too, for the people who write them. */
export async function guidesToManage(ctx: ServiceContext): Promise<Guide[]> {
  mayWrite(ctx);
  return repo.allGuides(ctx.db, ctx.tenant.id);
}

/** The published guides as this reader reads them, grouped by category in the house order, newest first in each. */
export async function publishedByCategory(
  ctx: ServiceContext,
  category: GuideCategory | undefined,
): Promise<{ category: GuideCategory; guides: GuideReading[] }[]> {
  const { rows } = await repo.publishedGuides(ctx.db, ctx.tenant.id, { category });
  return GUIDE_CATEGORIES.map((c) => ({
    category: c,
    guides: rows.filter((g) => g.category === c).map((g) => readGuide(g, ctx.lang, ctx.tenant.defaultLanguage)),
  })).filter((g) => g.guides.length > 0);
}

/** One published guide by its address, in the reader's language when it is written in it; a draft is a 404. */
export async function publishedGuide(ctx: ServiceContext, slug: string): Promise<GuideReading> {
  const guide = await repo.findPublishedBySlug(ctx.db, ctx.tenant.id, slug);
  if (!guide) throw notFound();
  return readGuide(guide, ctx.lang, ctx.tenant.defaultLanguage);
}

export const API_PAGE_SIZE = 50;

/** A page of published guides for the API, newest first. */
export async function apiGuides(ctx: ServiceContext, query: { page: number; category?: GuideCategory | undefined; lang?: Lang | undefined }) {
  const { rows, total } = await repo.publishedGuides(ctx.db, ctx.tenant.id, {
    category: query.category,
    limit: API_PAGE_SIZE,
    offset: (query.page - 1) * API_PAGE_SIZE,
  });
  const lang = query.lang ?? ctx.tenant.defaultLanguage;
  return { rows: rows.map((g) => readGuide(g, lang, ctx.tenant.defaultLanguage)), total };
}

/** One published guide for the API, by its address or id. */
export async function apiGuide(ctx: ServiceContext, slug: string, lang: Lang | undefined): Promise<GuideReading | null> {
  const guide = await repo.findPublishedBySlug(ctx.db, ctx.tenant.id, slug);
  return guide ? readGuide(guide, lang ?? ctx.tenant.defaultLanguage, ctx.tenant.defaultLanguage) : null;
}
