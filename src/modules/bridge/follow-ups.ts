import { Temporal } from "temporal-polyfill";
import { logAccess } from "../../platform/audit/access.js";
import { audit } from "../../platform/audit/audit.js";
import { can, isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { parseDate } from "../../platform/dates.js";
import { conflict, invalidField, notFound, unauthenticated } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext, tenantToday } from "../../platform/service-context.js";
import type { BridgeCase, BridgeSettings, FollowUp } from "./bridge.model.js";
import { canTailorBridge, canWorkCases } from "./bridge.policy.js";
import { bridgeRing, openCase } from "./cases.js";
import * as cases from "./cases.repository.js";
import * as repo from "./follow-ups.repository.js";
import type { FollowUpInput, SettingsInput } from "./follow-ups.schema.js";
import { bridgeSettings } from "./settings.js";
import { saveSettings } from "./settings.repository.js";

/** The day a first meeting took place, in the tenant's calendar: a date as it is, a moment or a local time by its date. */
function meetingDay(metOn: string, zone: string): string {
  const date = parseDate(metOn);
  if (date) return date;
  if (/[zZ]|[+-]\d{2}:?\d{2}$/.test(metOn)) return Temporal.Instant.from(metOn).toZonedDateTimeISO(zone).toPlainDate().toString();
  return Temporal.PlainDateTime.from(metOn).toPlainDate().toString();
}

/** The tenant's today. */

/**
 * Plans the case's follow-ups (after the tenant's months, counted from the first meeting). Called when the
 * first meeting has taken place; calling it again adds only the months not yet planned. A person who did not
 * agree to be followed up gets none.
 */
export async function scheduleFollowUps(ctx: ServiceContext, caseId: string, metOn: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const ring = bridgeRing(tx);
    const found = await cases.findCase(tx.db, ring, tx.tenant.id, caseId);
    if (!found) throw notFound();
    if (!found.consent?.purposes.includes("follow_up")) return;
    const day = Temporal.PlainDate.from(meetingDay(metOn, tx.tenant.timeZone));
    const planned = new Set((await repo.followUpsOf(tx.db, ring, tx.tenant.id, caseId)).map((f) => f.months));
    const { followUpMonths } = await bridgeSettings(tx);
    for (const months of followUpMonths.filter((m) => !planned.has(m)))
      await repo.insertFollowUp(tx.db, ring, tx.tenant.id, {
        id: newId(),
        caseId,
        months,
        dueOn: day.add({ months }).toString(),
        doneAt: null,
        outcome: null,
        why: "",
        personWords: "",
        recordedBy: null,
        remindedAt: null,
      });
  });
}

/** A case and its follow-ups, for the bridge-builder who may see it. */
export async function caseFollowUps(ctx: ServiceContext, caseId: string): Promise<{ bridgeCase: BridgeCase; followUps: FollowUp[] }> {
  const bridgeCase = await openCase(ctx, caseId);
  return { bridgeCase, followUps: await repo.followUpsOf(ctx.db, bridgeRing(ctx), ctx.tenant.id, caseId) };
}

/**
 * Records a follow-up's outcome. When it was the case's last, the case is closed and kept for the
 * centre's retention months, then deleted.
 */
export async function recordFollowUp(ctx: ServiceContext, caseId: string, input: FollowUpInput): Promise<{ closed: boolean }> {
  return inTransaction(ctx, async (tx) => {
    const bridgeCase = await openCase(tx, caseId);
    const ring = bridgeRing(tx);
    const all = await repo.followUpsOf(tx.db, ring, tx.tenant.id, caseId);
    const followUp = all.find((f) => f.id === input.followUpId);
    if (!followUp) throw invalidField("followUpId", "validation.invalid");
    if (followUp.doneAt) throw conflict("answered", "bridge.followUp.already", { followUpId: "bridge.followUp.already" });
    const now = isoNow(tx.clock);
    await repo.recordFollowUp(tx.db, ring, tx.tenant.id, {
      ...followUp,
      doneAt: now,
      outcome: input.outcome,
      why: input.why,
      personWords: input.personWords,
      recordedBy: isPerson(tx.actor) ? tx.actor.userId : null,
    });
    await audit(tx, "bridge.follow_up_recorded", { type: "bridge_case", id: caseId }, { months: followUp.months });
    const last = all.every((f) => f.id === followUp.id || f.doneAt !== null);
    if (!last) return { closed: false };
    const { retentionMonths } = await bridgeSettings(tx);
    const purgeAfter = Temporal.Instant.from(now).toZonedDateTimeISO(tx.tenant.timeZone).add({ months: retentionMonths }).toInstant().toString();
    const contactHash = await repo.contactHashOf(tx.db, tx.tenant.id, caseId);
    await cases.updateCase(tx.db, ring, { ...bridgeCase, status: "closed", closedAt: now, purgeAfter, updatedAt: now }, contactHash);
    return { closed: true };
  });
}

/** One follow-up on the bridge-builder's list: whose, when due and how many days late. */
export interface DueFollowUp {
  followUp: FollowUp;
  caseId: string;
  firstName: string;
  daysOverdue: number;
}

/** How far ahead the list looks for follow-ups soon due. */
const SOON_DAYS = 14;

/** The follow-ups due within two weeks and those overdue, of the cases the bridge-builder may see; the most overdue first. */
export async function dueFollowUps(ctx: ServiceContext): Promise<DueFollowUp[]> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  if (!can(ctx.actor, canWorkCases, { tenantId: ctx.tenant.id })) throw notFound();
  const ring = bridgeRing(ctx);
  const visible = await cases.casesVisibleTo(ctx.db, ring, ctx.tenant.id, ctx.actor.userId);
  const byId = new Map(visible.filter((c) => c.status !== "closed").map((c) => [c.id, c]));
  const today = Temporal.PlainDate.from(tenantToday(ctx));
  const due = await repo.openFollowUpsDueBy(ctx.db, ring, ctx.tenant.id, [...byId.keys()], today.add({ days: SOON_DAYS }).toString());
  const rows = due.map((f) => ({
    followUp: f,
    caseId: f.caseId,
    firstName: byId.get(f.caseId)?.firstName ?? "",
    daysOverdue: Temporal.PlainDate.from(f.dueOn).until(today, { largestUnit: "days" }).days,
  }));
  await logAccess(
    ctx,
    "bridge.follow_ups.listed",
    "bridge_case",
    rows.map((r) => r.caseId),
  );
  return rows;
}

/** How many follow-ups are due today or overdue in the cases the bridge-builder may see (for the start page). */
export async function countDue(ctx: ServiceContext): Promise<number> {
  if (!isPerson(ctx.actor) || !can(ctx.actor, canWorkCases, { tenantId: ctx.tenant.id })) return 0;
  const ring = bridgeRing(ctx);
  const visible = (await cases.casesVisibleTo(ctx.db, ring, ctx.tenant.id, ctx.actor.userId)).filter((c) => c.status !== "closed");
  const due = await repo.openFollowUpsDueBy(
    ctx.db,
    ring,
    ctx.tenant.id,
    visible.map((c) => c.id),
    tenantToday(ctx),
  );
  return due.length;
}

/** The centre's settings, for those who may tailor them; anyone else finds no such page. */
export async function settingsToTailor(ctx: ServiceContext): Promise<BridgeSettings> {
  if (!isPerson(ctx.actor) || !can(ctx.actor, canTailorBridge, { tenantId: ctx.tenant.id })) throw notFound();
  return bridgeSettings(ctx);
}

export async function tailorSettings(ctx: ServiceContext, input: SettingsInput): Promise<void> {
  if (!isPerson(ctx.actor) || !can(ctx.actor, canTailorBridge, { tenantId: ctx.tenant.id })) throw notFound();
  if (input.followUpMonths.length === 0) throw invalidField("followUpMonths", "bridge.settings.months.invalid");
  await inTransaction(ctx, async (tx) => {
    await saveSettings(tx.db, tx.tenant.id, input, isoNow(tx.clock));
    await audit(
      tx,
      "bridge.settings_saved",
      { type: "bridge_settings", id: tx.tenant.id },
      { followUpMonths: input.followUpMonths.join(","), retentionMonths: input.retentionMonths, welcomeItems: input.welcomeItems.length },
    );
  });
}
