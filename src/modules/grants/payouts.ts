import { Temporal } from "temporal-polyfill";
import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField, notFound } from "../../platform/http/errors.js";
import { formats } from "../../platform/i18n/format.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import { inTransaction, type ServiceContext, tenantToday } from "../../platform/service-context.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import { adminAddresses, associationNames } from "../associations/index.js";
import type { PlanInput } from "./after.schema.js";
import { applicationsOfRound } from "./applications.repository.js";
import { openRound } from "./grants.js";
import type { Application, Payout, Round } from "./grants.model.js";
import { canHandleGrants } from "./grants.policy.js";
import * as repo from "./payouts.repository.js";

/** A granted application on the round's payout page: its sum, its payouts, and what is paid and left. */
export interface PayoutCase {
  application: Application;
  associationName: string;
  granted: number;
  payouts: Payout[];
  paid: number;
  left: number;
}

const isGranted = (a: Application) => a.status === "decided" && (a.decision === "granted" || a.decision === "reduced") && (a.grantedAmount ?? 0) > 0;

/** The round, decided, for a caseworker; anyone else finds nothing, and a round not yet decided has nothing to pay. */
async function openDecidedRound(ctx: ServiceContext, roundId: string): Promise<Round> {
  authorize(ctx.actor, canHandleGrants, { tenantId: ctx.tenant.id });
  const { round } = await openRound(ctx, roundId);
  if (round.status !== "decided") throw notFound();
  return round;
}

/** The round's granted applications with their payouts. */
export async function payoutCases(ctx: ServiceContext, roundId: string): Promise<{ round: Round; cases: PayoutCase[]; today: string }> {
  const round = await openDecidedRound(ctx, roundId);
  const granted = (await applicationsOfRound(ctx.db, ctx.tenant.id, round.id)).filter(isGranted);
  const [payouts, names] = await Promise.all([
    repo.payoutsOf(
      ctx.db,
      ctx.tenant.id,
      granted.map((a) => a.id),
    ),
    associationNames(
      ctx,
      granted.map((a) => a.associationId),
    ),
  ]);
  const cases = granted.map((a) => {
    const own = payouts.filter((p) => p.applicationId === a.id);
    const paid = own.filter((p) => p.paidAt).reduce((s, p) => s + p.amount, 0);
    const sum = a.grantedAmount ?? 0;
    return { application: a, associationName: a.profile?.name ?? names.get(a.associationId) ?? "", granted: sum, payouts: own, paid, left: sum - paid };
  });
  return { round, cases, today: tenantToday(ctx) };
}

/** Splits a sum evenly in `count` parts, the rest of the division in the last. */
export function splitEvenly(total: number, count: number): number[] {
  const part = Math.floor(total / count);
  return Array.from({ length: count }, (_, i) => (i === count - 1 ? total - part * (count - 1) : part));
}

/** The days of the instalments: each as given, or a month after the one before; the first today when not given. */
export function instalmentDays(given: (string | null)[], count: number, today: string): string[] {
  const days: string[] = [];
  for (let i = 0; i < count; i++) {
    const previous = days[i - 1];
    days.push(given[i] ?? (previous ? Temporal.PlainDate.from(previous).add({ months: 1 }).toString() : today));
  }
  return days;
}

/**
 * Plans an application's payouts again: the unpaid ones are replaced, the paid ones kept. The plan must
 * come to exactly what is left to pay of the grant.
 */
export async function planPayouts(ctx: ServiceContext, roundId: string, input: PlanInput): Promise<void> {
  const { cases, today } = await payoutCases(ctx, roundId);
  const found = cases.find((c) => c.application.id === input.applicationId);
  if (!found) throw notFound();
  if (found.left <= 0) throw conflict("conflict", "grants.payouts.allPaid", { amount: "grants.payouts.allPaid" });
  if (input.amount !== found.left) {
    const currency = countryProfile(ctx.tenant.country).currency;
    throw invalidField("amount", { key: "grants.payouts.sumMismatch", values: { left: formats(ctx.lang, ctx.tenant.timeZone).money(found.left, currency) } });
  }
  const count = input.how === "once" ? 1 : input.count;
  const days = instalmentDays([input.date1, input.date2, input.date3, input.date4], count, today);
  for (let i = 1; i < days.length; i++) {
    if ((days[i] as string) < (days[i - 1] as string)) throw invalidField(`date${i + 1}`, "grants.payouts.dateOrder");
  }
  const amounts = splitEvenly(input.amount, count);
  const payouts: Payout[] = days.map((dueOn, i) => ({
    id: newId(),
    applicationId: found.application.id,
    amount: amounts[i] as number,
    dueOn,
    paidAt: null,
    paidBy: null,
  }));
  await inTransaction(ctx, async (tx) => {
    await repo.deleteUnpaid(tx.db, tx.tenant.id, found.application.id);
    await repo.insertPayouts(tx.db, tx.tenant.id, payouts, isoNow(tx.clock));
    await audit(tx, "grants.payouts_planned", { type: "grant_application", id: found.application.id }, { count, amount: input.amount });
  });
}

/** Marks the ticked payouts of the round as paid today, and tells each association's board. */
export async function markPayoutsPaid(ctx: ServiceContext, roundId: string, ids: string[]): Promise<number> {
  const { cases } = await payoutCases(ctx, roundId);
  const chosen = new Set(ids);
  const toPay = cases.flatMap((c) => c.payouts.filter((p) => chosen.has(p.id) && !p.paidAt).map((p) => ({ c, p })));
  if (toPay.length === 0) throw invalidField("payout", "grants.payouts.noneChosen");
  if (ctx.actor.kind !== "person") throw notFound();
  const by = ctx.actor.userId;
  const currency = countryProfile(ctx.tenant.country).currency;
  return inTransaction(ctx, async (tx) => {
    const marked = await repo.markPaid(
      tx.db,
      tx.tenant.id,
      toPay.map((x) => x.p.id),
      by,
      isoNow(tx.clock),
    );
    for (const { c, p } of toPay) {
      await audit(tx, "grants.payout_paid", { type: "grant_application", id: c.application.id }, { payout: p.id, amount: p.amount });
      for (const to of await adminAddresses(tx, c.application.associationId)) {
        await sendMail(tx.db, tx.clock, {
          tenant: tx.tenant,
          to,
          usedLanguage: null,
          compose: (t, lang) => {
            const values = {
              title: c.application.title,
              reference: c.application.reference,
              amount: formats(lang, tx.tenant.timeZone).money(p.amount, currency),
            };
            return {
              subject: t("grants.mail.paid.subject", values),
              paragraphs: [t("grants.mail.paid.body", values)],
              action: { label: t("grants.mail.paid.action"), url: `${tx.baseUrl}/grants/applications/${c.application.id}` },
            };
          },
        });
      }
    }
    return marked;
  });
}

/** The payment file's rows: the payouts due up to today and not yet paid, with the association's bank account from the application. */
export async function paymentRows(ctx: ServiceContext, roundId: string) {
  const { cases, today } = await payoutCases(ctx, roundId);
  return cases.flatMap((c) =>
    c.payouts
      .filter((p) => !p.paidAt && p.dueOn <= today)
      .map((p) => ({
        name: c.associationName,
        registrationNumber: c.application.profile?.registrationNumber ?? "",
        bankAccount: c.application.profile?.bankAccount ?? "",
        amount: p.amount,
        reference: c.application.reference,
        dueOn: p.dueOn,
      })),
  );
}
