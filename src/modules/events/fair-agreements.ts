import { Temporal } from "temporal-polyfill";
import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { findUserById } from "../../platform/auth/users.repository.js";
import { isoNow } from "../../platform/clock.js";
import { invalidField, notFound } from "../../platform/http/errors.js";
import { formats } from "../../platform/i18n/format.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { localToday } from "../../platform/time/recurrence.js";
import { identities } from "../associations/index.js";
import type { CommunityEvent } from "./events.model.js";
import { findEvent } from "./events.repository.js";
import { type FairAgreement, FOLLOW_UP_MONTHS } from "./fair.model.js";
import { canRunFair } from "./fair.policy.js";
import * as repo from "./fair.repository.js";
import type { AgreementInput } from "./fair.schema.js";

/** The follow-up day of an agreement when none is given: three months after the fair's first day, in the tenant's zone. */
export const defaultFollowUp = (e: Pick<CommunityEvent, "startsAt">, zone: string) =>
  Temporal.Instant.from(e.startsAt).toZonedDateTimeISO(zone).toPlainDate().add({ months: FOLLOW_UP_MONTHS }).toString();

export interface AgreementsPage {
  event: CommunityEvent;
  agreements: FairAgreement[];
  /** Every association of the tenant by id, to name the parties and to choose among (exhibitors first). */
  associations: { id: string; name: string; exhibitor: boolean }[];
  defaultFollowUp: string;
}

/** Staff's page of a fair's agreements. */
export async function agreementsPage(ctx: ServiceContext, eventId: string): Promise<AgreementsPage> {
  authorize(ctx.actor, canRunFair, { tenantId: ctx.tenant.id });
  const event = await findEvent(ctx.db, ctx.tenant.id, eventId);
  if (event?.kind !== "fair") throw notFound();
  const [agreements, all, stands] = await Promise.all([
    repo.agreementsOf(ctx.db, ctx.tenant.id, event.id),
    identities(ctx.db, ctx.tenant.id),
    repo.standsOf(ctx.db, ctx.tenant.id, event.id),
  ]);
  const exhibitors = new Set(stands.filter((s) => s.status === "assigned").map((s) => s.associationId));
  const associations = all
    .map((a) => ({ id: a.id, name: a.name, exhibitor: exhibitors.has(a.id) }))
    .sort((a, b) => Number(b.exhibitor) - Number(a.exhibitor) || a.name.localeCompare(b.name, "da"));
  return { event, agreements, associations, defaultFollowUp: defaultFollowUp(event, ctx.tenant.timeZone) };
}

/** Staff record an agreement made at the fair; its recorder is reminded on the follow-up day. */
export async function recordAgreement(ctx: ServiceContext, eventId: string, input: AgreementInput): Promise<void> {
  const page = await agreementsPage(ctx, eventId);
  const known = new Set(page.associations.map((a) => a.id));
  if (input.associations.some((id) => !known.has(id))) throw invalidField("associations", "validation.invalid");
  if (input.followUpOn && input.followUpOn < localToday(ctx.clock.now(), ctx.tenant.timeZone)) throw invalidField("followUpOn", "fair.agreement.followUpPast");
  await inTransaction(ctx, async (tx) => {
    const id = newId();
    const now = isoNow(tx.clock);
    await repo.insertAgreement(tx.db, {
      id,
      tenantId: tx.tenant.id,
      eventId: page.event.id,
      associationIds: [...new Set(input.associations)],
      otherParties: input.others,
      agreed: input.agreed,
      followUpOn: input.followUpOn ?? page.defaultFollowUp,
      recordedBy: tx.actor.kind === "person" ? tx.actor.userId : null,
      createdAt: now,
    });
    await audit(tx, "fair.agreement_recorded", { type: "fair_agreement", id });
  });
}

/** On an agreement's follow-up day its recorder gets a reminder of what was agreed and with whom. */
export async function sendFollowUps(ctx: ServiceContext): Promise<void> {
  const due = await repo.agreementsDue(ctx.db, ctx.tenant.id, localToday(ctx.clock.now(), ctx.tenant.timeZone));
  if (due.length === 0) return;
  const names = new Map((await identities(ctx.db, ctx.tenant.id)).map((a) => [a.id, a.name]));
  for (const g of due) {
    await inTransaction(ctx, async (tx) => {
      const recorder = g.recordedBy ? await findUserById(tx.db, tx.tenant.id, g.recordedBy) : undefined;
      const parties = [...g.associationIds.map((id) => names.get(id) ?? ""), g.otherParties].filter(Boolean).join(", ");
      if (recorder)
        await sendMail(tx.db, tx.clock, {
          tenant: tx.tenant,
          to: recorder.email,
          compose: (t, lang) => ({
            subject: t("fair.mail.followUp.subject", { title: g.eventTitle }),
            paragraphs: [
              t("fair.mail.followUp.body", {
                title: g.eventTitle,
                date: formats(lang, tx.tenant.timeZone).date(localToday(new Date(g.createdAt), tx.tenant.timeZone)),
                parties,
              }),
              g.agreed,
            ],
            action: { label: t("fair.mail.followUp.action"), url: `${tx.baseUrl}/events/${g.eventId}/agreements` },
          }),
        });
      await repo.markAgreementReminded(tx.db, tx.tenant.id, g.id, isoNow(tx.clock));
    });
  }
}
