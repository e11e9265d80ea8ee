import { isPerson } from "../../platform/auth/policy.js";
import { DAY_MS, isoIn, isoNow } from "../../platform/clock.js";
import { AppError, notFound, unauthenticated } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { type MailTemplate, sendTemplateMail } from "../../platform/mail/template-mail.js";
import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import { forEachTenantContext, inTransaction, type ServiceContext } from "../../platform/service-context.js";
import * as repo from "./saved-searches.repository.js";
import { type FREQUENCIES, rawSearchQuery, type SearchInput, searchHref, searchInput } from "./search.schema.js";
import { search } from "./search.service.js";

export const SAVED_JOB = "search.saved";
const MAX_SAVED = 20;
/** How many new results a mail lists; the button leads to the rest. */
const LISTED = 10;
const NEWS: MailTemplate = { subject: "mail.saved.subject", paragraphs: ["mail.saved.body", "mail.saved.stop"], action: "mail.saved.action" };

/** A query string read back into a search, or null when it no longer parses. */
export function parseQuery(query: string): SearchInput | null {
  const params = new URLSearchParams(query);
  const parsed = searchInput.safeParse(
    rawSearchQuery(
      (k) => params.get(k) ?? undefined,
      (k) => params.getAll(k),
    ),
  );
  return parsed.success ? parsed.data : null;
}

export async function saveSearch(ctx: ServiceContext, input: { query: string; frequency: (typeof FREQUENCIES)[number] }) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const parsed = parseQuery(input.query);
  const checked = parsed ? await search(ctx, parsed) : null;
  if (!parsed || !checked?.ok) throw new AppError(422, "validation_failed", "search.filter.unknown");
  const existing = await mySavedSearches(ctx);
  if (existing.length >= MAX_SAVED) throw new AppError(422, "validation_failed", "saved.tooMany");
  const now = isoNow(ctx.clock);
  const query = searchHref({ ...parsed, page: 1 }, {}, "").replace(/^\?/, "");
  await repo.insertSavedSearch(ctx.db, ctx.tenant.id, {
    id: newId(),
    userId: ctx.actor.userId,
    query,
    frequency: input.frequency,
    lastSentAt: now,
    createdAt: now,
  });
}

export async function mySavedSearches(ctx: ServiceContext) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  return repo.savedSearchesOf(ctx.db, ctx.tenant.id, ctx.actor.userId);
}

export async function deleteSavedSearch(ctx: ServiceContext, id: string) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  if (!(await repo.deleteSavedSearch(ctx.db, ctx.tenant.id, ctx.actor.userId, id))) throw notFound();
}

/** Every saved search that is due gets an e-mail with what was published since the last one, if anything was. */
export async function sendSavedSearches(deps: JobDeps): Promise<void> {
  const now = deps.clock.now().getTime();
  await forEachTenantContext(deps, async (ctx) => {
    for (const saved of await repo.savedSearchesSentBefore(ctx.db, ctx.tenant.id, isoIn(ctx.clock, -DAY_MS + 3600_000))) {
      if (saved.frequency === "weekly" && Date.parse(saved.lastSentAt) > now - 7 * DAY_MS + 3600_000) continue;
      const input = parseQuery(saved.query);
      const outcome = input ? await search(ctx, { ...input, sort: "newest", page: 1 }) : null;
      const fresh = outcome?.ok ? outcome.hits.filter((h) => h.doc.publishedAt > saved.lastSentAt) : [];
      await inTransaction(ctx, async (tx) => {
        await repo.markSavedSearchSent(tx.db, ctx.tenant.id, saved.id, isoNow(ctx.clock));
        if (fresh.length === 0) return;
        await sendTemplateMail(tx, {
          to: saved.email,
          template: NEWS,
          values: { count: fresh.length, url: `${ctx.baseUrl}/search/saved` },
          list: fresh.slice(0, LISTED).map((h) => `${h.doc.title} (${h.doc.subtitle}): ${ctx.baseUrl}${h.doc.url}`),
          link: `/search?${saved.query}`,
        });
      });
    }
  });
}

export const savedSearchJobs = (deps: JobDeps): JobSet => ({
  handlers: { [SAVED_JOB]: () => sendSavedSearches(deps) },
  schedules: [{ name: SAVED_JOB, everyMs: 3600_000 }],
});

export const personalData: PersonalDataSource = {
  columns: ["saved_searches.user_id"],
  async read(db, _ring, subject) {
    if (!subject.userId) return {};
    const saved = await repo.savedSearchesOf(db, subject.tenantId, subject.userId);
    return { saved_searches: saved.map((s) => ({ query: s.query, frequency: s.frequency, created_at: s.createdAt })) };
  },
  async erase(trx, subject) {
    if (subject.userId) await repo.deleteSavedSearchesOf(trx, subject.tenantId, subject.userId);
  },
};
