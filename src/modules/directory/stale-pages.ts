import type { Database } from "../../db/database.js";
import { DAY_MS, isoIn, isoNow } from "../../platform/clock.js";
import type { JobDeps, JobSet } from "../../platform/jobs/house-jobs.js";
import { type MailTemplate, sendTemplateMail } from "../../platform/mail/template-mail.js";
import { forEachTenantContext, inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { markStaleProfile, staleProfiles, syncAssociationSearch } from "../associations/index.js";
import { staleSince, syncOfferSearch } from "./directory.service.js";
import * as repo from "./stale-pages.repository.js";

// Named before association pages joined; kept so runs already queued still find their handler.
export const STALE_JOB = "offers.stale";

const CONFIRM: MailTemplate = { subject: "mail.stale.subject", paragraphs: ["mail.stale.body"], action: "mail.stale.action" };

/** A kind of public page that must be confirmed yearly: how to find the stale ones, mark them and update search. */
interface StalePages {
  path: string;
  stale(db: Database, tenantId: string, staleBefore: string): Promise<repo.StalePage[]>;
  mark(db: Database, tenantId: string, id: string, mark: repo.StaleMark): Promise<void>;
  sync(db: Database, ctx: Pick<ServiceContext, "clock" | "tenant">, id: string): Promise<unknown>;
}

const offers: StalePages = { path: "/directory/offers/", stale: repo.staleOffers, mark: repo.markOffer, sync: syncOfferSearch };
const associations: StalePages = {
  path: "/directory/associations/",
  stale: staleProfiles,
  mark: markStaleProfile,
  sync: syncAssociationSearch,
};

/**
 * A page not updated for a year (an offer, or an association's own page): the association is asked
 * by e-mail to confirm it, and if nobody does within the tenant's grace period it is hidden until
 * someone does.
 */
export async function checkStalePages(deps: JobDeps): Promise<void> {
  const now = isoNow(deps.clock);
  await forEachTenantContext(deps, async (ctx) => {
    const { tenant } = ctx;
    const graceOver = isoIn(ctx.clock, -tenant.staleGraceDays * DAY_MS);
    for (const kind of [offers, associations]) {
      for (const page of await kind.stale(ctx.db, tenant.id, staleSince(ctx.clock.now()))) {
        if (page.notifiedAt === null) {
          await inTransaction(ctx, async (tx) => {
            await kind.mark(tx.db, tenant.id, page.id, { notifiedAt: now });
            await sendTemplateMail(tx, {
              to: page.email,
              template: CONFIRM,
              values: { title: page.title, days: tenant.staleGraceDays },
              link: `${kind.path}${page.id}`,
            });
          });
        } else if (page.notifiedAt <= graceOver) {
          await inTransaction(ctx, async (tx) => {
            await kind.mark(tx.db, tenant.id, page.id, { hiddenAt: now });
            await kind.sync(tx.db, tx, page.id);
          });
        }
      }
    }
  });
}

/** The public pages still shown that nobody has confirmed for a year (offers and association pages), each with its address. */
export async function stalePages(ctx: ServiceContext): Promise<{ title: string; href: string }[]> {
  const before = staleSince(ctx.clock.now());
  const found = await Promise.all(
    [offers, associations].map(async (kind) => (await kind.stale(ctx.db, ctx.tenant.id, before)).map((p) => ({ title: p.title, href: `${kind.path}${p.id}` }))),
  );
  return found.flat();
}

export const stalePageJobs = (deps: JobDeps): JobSet => ({
  handlers: { [STALE_JOB]: () => checkStalePages(deps) },
  schedules: [{ name: STALE_JOB, everyMs: 6 * 3600_000 }],
});
