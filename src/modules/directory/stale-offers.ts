import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { sendMail } from "../../platform/mail/send.js";
import { tenantBaseUrl, toTenant } from "../../platform/tenants/tenants.js";
import { syncOfferSearch } from "./directory.service.js";

export const STALE_JOB = "offers.stale";
const DAY_MS = 24 * 3600_000;
/** An offer nobody has confirmed for this long may be out of date. */
const STALE_AFTER_DAYS = 365;

/**
 * A page not updated for a year: the association is asked by e-mail to confirm it, and if nobody
 * does within the tenant's grace period it is hidden until someone does.
 */
export async function checkStaleOffers({ db, clock, config }: JobDeps): Promise<void> {
  const now = clock.now();
  const staleBefore = new Date(now.getTime() - STALE_AFTER_DAYS * DAY_MS).toISOString();
  for (const row of await db.selectFrom("tenants").selectAll().execute()) {
    const tenant = toTenant(row);
    const baseUrl = await tenantBaseUrl(db, tenant.id, config.PORT);
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
            paragraphs: [t("mail.stale.body", { title: o.title, days: row.stale_grace_days })],
            action: { label: t("mail.stale.action"), url: `${baseUrl}/directory/offers/${o.id}` },
          }),
        });
      });
    }
    const graceOver = new Date(now.getTime() - row.stale_grace_days * DAY_MS).toISOString();
    for (const o of await stale.where("stale_notified_at", "<=", graceOver).execute()) {
      await db.transaction().execute(async (trx) => {
        await trx.updateTable("offers").set({ hidden_at: now.toISOString() }).where("tenant_id", "=", tenant.id).where("id", "=", o.id).execute();
        await syncOfferSearch(trx, { clock, tenant }, o.id);
      });
    }
  }
}

export const staleOfferJobs = (deps: JobDeps): JobSet => ({
  handlers: { [STALE_JOB]: () => checkStaleOffers(deps) },
  schedules: [{ name: STALE_JOB, everyMs: 6 * 3600_000 }],
});
