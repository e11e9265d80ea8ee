import { Temporal } from "temporal-polyfill";
import { can, isPerson } from "../../platform/auth/policy.js";
import { withinLimit } from "../../platform/auth/rate-limit.js";
import { isoNow } from "../../platform/clock.js";
import { invalidField, notFound, tooManyRequests, unauthenticated } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { publicRecords as publicJobs } from "../opportunities/index.js";
import type { CommunityEvent } from "./events.model.js";
import { findEvent } from "./events.repository.js";
import { type FairLead, type FairStand, LEAD_CONSENT_VERSION, LEAD_KEEP_MONTHS } from "./fair.model.js";
import { canSeeLeads } from "./fair.policy.js";
import * as repo from "./fair.repository.js";
import type { LeadInput } from "./fair.schema.js";
import { associationsRun } from "./fair-stands.js";

export interface VisitorPage {
  stand: FairStand;
  event: CommunityEvent;
  jobs: { id: string; title: string }[];
  /** The day the leads of this fair are deleted. */
  keptUntil: string;
}

/** The last day a fair's leads are kept: six months after it ends, in the tenant's zone. */
export const leadsKeptUntil = (e: Pick<CommunityEvent, "endsAt">, zone: string) =>
  Temporal.Instant.from(e.endsAt).toZonedDateTimeISO(zone).toPlainDate().add({ months: LEAD_KEEP_MONTHS }).toString();

/** The page a stand's QR code opens: the association, what it shows, and its open jobs to choose among. */
export async function visitorPage(ctx: ServiceContext, code: string): Promise<VisitorPage> {
  const stand = await repo.standByCode(ctx.db, ctx.tenant.id, code);
  if (stand?.status !== "assigned") throw notFound();
  const event = await findEvent(ctx.db, ctx.tenant.id, stand.eventId);
  if (event?.status !== "published") throw notFound();
  const { rows } = await publicJobs(ctx, { offset: 0, limit: 50, search: null, modifiedAfter: null, associationId: stand.associationId });
  return { stand, event, jobs: rows.map((j) => ({ id: j.id, title: j.title })), keptUntil: leadsKeptUntil(event, ctx.tenant.timeZone) };
}

/**
 * A visitor leaves their address and interests at a stand. Nothing is stored without their consent; the
 * form is rate-limited like every public form.
 */
export async function recordLead(ctx: ServiceContext, code: string, input: LeadInput): Promise<VisitorPage> {
  const page = await visitorPage(ctx, code);
  if (!input.consent) throw invalidField("consent", "fair.lead.consentRequired");
  if (!(await withinLimit(ctx, "fair-lead", [ctx.ip, input.email]))) throw tooManyRequests("fair.lead.rateLimited", { email: "fair.lead.rateLimited" });
  const chosen = new Set(input.jobs);
  const now = isoNow(ctx.clock);
  const interests = { jobs: page.jobs.filter((j) => chosen.has(j.id)), other: input.other };
  // The same address twice at one stand is one lead: the newest interests and consent count.
  const existing = await repo.leadAtStand(ctx.db, ctx.tenant.id, page.stand.id, input.email);
  if (existing) {
    await repo.updateLead(ctx.db, ctx.tenant.id, existing.id, {
      name: input.name ?? existing.name,
      interests,
      consentVersion: LEAD_CONSENT_VERSION,
      consentedAt: now,
    });
    return page;
  }
  await repo.insertLead(ctx.db, ctx.tenant.id, {
    id: newId(),
    standId: page.stand.id,
    associationId: page.stand.associationId,
    email: input.email,
    name: input.name,
    interests,
    consentVersion: LEAD_CONSENT_VERSION,
    consentedAt: now,
    createdAt: now,
  });
  return page;
}

/** An association's leads, for its admins only: to anyone else the page does not exist. */
export async function leadsOf(
  ctx: ServiceContext,
  named: string | null,
  /** The association the person works on now (the header's choice), when the address names none. */
  preferred: string | null = null,
): Promise<{ association: { id: string; name: string }; associations: { id: string; name: string }[]; leads: FairLead[] }> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const run = await associationsRun(ctx);
  const association = named ? run.find((a) => a.id === named) : (run.find((a) => a.id === preferred) ?? run[0]);
  if (!association || !can(ctx.actor, canSeeLeads, { tenantId: ctx.tenant.id, associationId: association.id })) throw notFound();
  return { association, associations: run, leads: await repo.leadsOfAssociation(ctx.db, ctx.tenant.id, association.id) };
}

/** Leads are deleted six months after their fair, as the consent text says. */
export async function deleteOldLeads(ctx: ServiceContext): Promise<void> {
  const cutoff = Temporal.Instant.fromEpochMilliseconds(ctx.clock.now().getTime())
    .toZonedDateTimeISO(ctx.tenant.timeZone)
    .subtract({ months: LEAD_KEEP_MONTHS })
    .toInstant()
    .toString();
  await repo.deleteLeadsOfFairsEndedBefore(ctx.db, ctx.tenant.id, cutoff);
}
