import type { Database } from "../../db/database.js";
import { DAY_MS } from "../../platform/clock.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { sendMail } from "../../platform/mail/send.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { forEachTenant } from "../../platform/tenants/tenants.js";
import { staleSince, syncAssociationSearch, syncOfferSearch } from "./directory.service.js";

// Named before association pages joined; kept so runs already queued still find their handler.
export const STALE_JOB = "offers.stale";

type Marks = { stale_notified_at?: string; hidden_at?: string };
type Sync = (db: Database, ctx: Pick<ServiceContext, "clock" | "tenant">, id: string) => Promise<unknown>;

/** A kind of public page that must be confirmed yearly: how to find the stale ones and mark them. */
interface StalePages {
  path: string;
  stale(db: Database, tenantId: string, staleBefore: string): Promise<{ id: string; title: string; email: string; stale_notified_at: string | null }[]>;
  mark(db: Database, tenantId: string, id: string, marks: Marks): Promise<unknown>;
  sync: Sync;
}

const offers: StalePages = {
  path: "/directory/offers/",
  stale: (db, tenantId, staleBefore) =>
    db
      .selectFrom("offers")
      .select(["id", "title", "contact_email as email", "stale_notified_at"])
      .where("tenant_id", "=", tenantId)
      .where("status", "=", "published")
      .where("hidden_at", "is", null)
      .where("confirmed_at", "<", staleBefore)
      .execute(),
  mark: (db, tenantId, id, marks) => db.updateTable("offers").set(marks).where("tenant_id", "=", tenantId).where("id", "=", id).execute(),
  sync: syncOfferSearch,
};

const associations: StalePages = {
  path: "/directory/associations/",
  stale: (db, tenantId, staleBefore) =>
    db
      .selectFrom("associations")
      .select(["id", "name as title", "email", "stale_notified_at"])
      .where("tenant_id", "=", tenantId)
      .where("hidden_at", "is", null)
      .where("updated_at", "<", staleBefore)
      .execute(),
  mark: (db, tenantId, id, marks) => db.updateTable("associations").set(marks).where("tenant_id", "=", tenantId).where("id", "=", id).execute(),
  sync: syncAssociationSearch,
};

/**
 * A page not updated for a year (an offer, or an association's own page): the association is asked
 * by e-mail to confirm it, and if nobody does within the tenant's grace period it is hidden until
 * someone does.
 */
export async function checkStalePages({ db, clock, config }: JobDeps): Promise<void> {
  const now = clock.now();
  await forEachTenant(db, config.PORT, async (tenant, baseUrl) => {
    const graceOver = new Date(now.getTime() - tenant.staleGraceDays * DAY_MS).toISOString();
    for (const kind of [offers, associations]) {
      for (const page of await kind.stale(db, tenant.id, staleSince(now))) {
        if (page.stale_notified_at === null) {
          await db.transaction().execute(async (trx) => {
            await kind.mark(trx, tenant.id, page.id, { stale_notified_at: now.toISOString() });
            await sendMail(trx, clock, {
              tenant,
              to: page.email,
              lang: tenant.defaultLanguage,
              compose: (t) => ({
                subject: t("mail.stale.subject", { title: page.title }),
                paragraphs: [t("mail.stale.body", { title: page.title, days: tenant.staleGraceDays })],
                action: { label: t("mail.stale.action"), url: `${baseUrl}${kind.path}${page.id}` },
              }),
            });
          });
        } else if (page.stale_notified_at <= graceOver) {
          await db.transaction().execute(async (trx) => {
            await kind.mark(trx, tenant.id, page.id, { hidden_at: now.toISOString() });
            await kind.sync(trx, { clock, tenant }, page.id);
          });
        }
      }
    }
  });
}

export const stalePageJobs = (deps: JobDeps): JobSet => ({
  handlers: { [STALE_JOB]: () => checkStalePages(deps) },
  schedules: [{ name: STALE_JOB, everyMs: 6 * 3600_000 }],
});
