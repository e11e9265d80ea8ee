import { DAY_MS } from "../../platform/clock.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { sendMail } from "../../platform/mail/send.js";
import { forEachTenant } from "../../platform/tenants/tenants.js";
import { staleSince, syncOfferSearch } from "./directory.service.js";

export const STALE_JOB = "offers.stale";

/**
 * A page not updated for a year: the association is asked by e-mail to confirm it, and if nobody
 * does within the tenant's grace period it is hidden until someone does.
 */
export async function checkStaleOffers({ db, clock, config }: JobDeps): Promise<void> {
  const now = clock.now();
  const staleBefore = staleSince(now);
  await forEachTenant(db, config.PORT, async (tenant, baseUrl) => {
    const stale = db
      .selectFrom("offers")
      .select(["id", "title", "contact_email", "stale_notified_at"])
      .where("tenant_id", "=", tenant.id)
      .where("status", "=", "published")
      .where("hidden_at", "is", null)
      .where("confirmed_at", "<", staleBefore);
    for (const o of await stale.where("stale_notified_at", "is", null).execute()) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable("offers").set({ stale_notified_at: now.toISOString() }).where("tenant_id", "=", tenant.id).where("id", "=", o.id).execute();
        await sendMail(trx, clock, {
          tenant,
          to: o.contact_email,
          lang: tenant.defaultLanguage,
          compose: (t) => ({
            subject: t("mail.stale.subject", { title: o.title }),
            paragraphs: [t("mail.stale.body", { title: o.title, days: tenant.staleGraceDays })],
            action: { label: t("mail.stale.action"), url: `${baseUrl}/directory/offers/${o.id}` },
          }),
        });
      });
    }
    const graceOver = new Date(now.getTime() - tenant.staleGraceDays * DAY_MS).toISOString();
    for (const o of await stale.where("stale_notified_at", "<=", graceOver).execute()) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable("offers").set({ hidden_at: now.toISOString() }).where("tenant_id", "=", tenant.id).where("id", "=", o.id).execute();
        await syncOfferSearch(trx, { clock, tenant }, o.id);
      });
    }
  });
}

export const staleOfferJobs = (deps: JobDeps): JobSet => ({
  handlers: { [STALE_JOB]: () => checkStaleOffers(deps) },
  schedules: [{ name: STALE_JOB, everyMs: 6 * 3600_000 }],
});
