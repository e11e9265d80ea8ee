import { isPerson } from "../../platform/auth/policy.js";
import { DAY_MS, isoNow } from "../../platform/clock.js";
import { AppError, notFound, unauthenticated } from "../../platform/http/errors.js";
import { isLang } from "../../platform/i18n/i18n.js";
import { newId } from "../../platform/ids.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { sendMail } from "../../platform/mail/send.js";
import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { forEachTenant } from "../../platform/tenants/tenants.js";
import { type FREQUENCIES, rawSearchQuery, type SearchInput, searchHref, searchInput } from "./search.schema.js";
import { search } from "./search.service.js";

export const SAVED_JOB = "search.saved";
const MAX_SAVED = 20;

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
  await ctx.db
    .insertInto("saved_searches")
    .values({ id: newId(), tenant_id: ctx.tenant.id, user_id: ctx.actor.userId, query, frequency: input.frequency, last_sent_at: now, created_at: now })
    .execute();
}

export async function mySavedSearches(ctx: ServiceContext) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  return ctx.db
    .selectFrom("saved_searches")
    .select(["id", "query", "frequency", "created_at"])
    .where("tenant_id", "=", ctx.tenant.id)
    .where("user_id", "=", ctx.actor.userId)
    .orderBy("created_at")
    .execute();
}

export async function deleteSavedSearch(ctx: ServiceContext, id: string) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const result = await ctx.db
    .deleteFrom("saved_searches")
    .where("tenant_id", "=", ctx.tenant.id)
    .where("user_id", "=", ctx.actor.userId)
    .where("id", "=", id)
    .executeTakeFirst();
  if (result.numDeletedRows === 0n) throw notFound();
}

/** Every saved search that is due gets an e-mail with what was published since the last one, if anything was. */
export async function sendSavedSearches({ db, clock, config }: JobDeps): Promise<void> {
  const now = clock.now();
  await forEachTenant(db, config.PORT, async (tenant, baseUrl) => {
    const due = await db
      .selectFrom("saved_searches as s")
      .innerJoin("users as u", (j) => j.onRef("u.id", "=", "s.user_id").onRef("u.tenant_id", "=", "s.tenant_id"))
      .select(["s.id as saved_id", "s.query", "s.frequency", "s.last_sent_at", "u.email", "u.language", "u.id as user_id"])
      .where("s.tenant_id", "=", tenant.id)
      .where("s.last_sent_at", "<=", new Date(now.getTime() - DAY_MS + 3600_000).toISOString())
      .execute();
    for (const row of due) {
      if (row.frequency === "weekly" && Date.parse(row.last_sent_at) > now.getTime() - 7 * DAY_MS + 3600_000) continue;
      const lang = isLang(row.language) ? row.language : tenant.defaultLanguage;
      const input = parseQuery(row.query);
      const outcome = input
        ? await search(
            { db, clock, config, tenant, actor: { kind: "anonymous", tenantId: tenant.id }, lang, baseUrl, ip: null },
            { ...input, sort: "newest", page: 1 },
          )
        : null;
      const fresh = outcome?.ok ? outcome.hits.filter((h) => h.doc.publishedAt > row.last_sent_at) : [];
      await db.transaction().execute(async (trx) => {
        await trx.updateTable("saved_searches").set({ last_sent_at: now.toISOString() }).where("id", "=", row.saved_id).execute();
        if (fresh.length === 0) return;
        await sendMail(trx, clock, {
          tenant,
          to: row.email,
          lang,
          compose: (t) => ({
            subject: t("mail.saved.subject", { count: fresh.length }),
            paragraphs: [
              t("mail.saved.body", { count: fresh.length }),
              ...fresh.slice(0, 10).map((h) => `${h.doc.title} (${h.doc.subtitle}): ${baseUrl}${h.doc.url}`),
              t("mail.saved.stop", { url: `${baseUrl}/search/saved` }),
            ],
            action: { label: t("mail.saved.action"), url: `${baseUrl}/search?${row.query}` },
          }),
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
    const rows = await db
      .selectFrom("saved_searches")
      .select(["query", "frequency", "created_at"])
      .where("tenant_id", "=", subject.tenantId)
      .where("user_id", "=", subject.userId)
      .execute();
    return { saved_searches: rows };
  },
  async erase(trx, subject) {
    if (subject.userId) await trx.deleteFrom("saved_searches").where("tenant_id", "=", subject.tenantId).where("user_id", "=", subject.userId).execute();
  },
};
