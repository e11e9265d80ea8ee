import { randomBytes } from "node:crypto";
import { audit } from "../../platform/audit/audit.js";
import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import { findUserById } from "../../platform/auth/users.repository.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, type FieldErrors, forbidden, invalid, invalidField, notFound, unauthenticated } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { identities, namesForMember } from "../associations/index.js";
import { publicRecords as publicJobs } from "../opportunities/index.js";
import { type Term, terms } from "../taxonomy/index.js";
import type { CommunityEvent } from "./events.model.js";
import { findEvent } from "./events.repository.js";
import type { FairStand } from "./fair.model.js";
import { canApplyForStand, canPrintStandSign, canRunFair } from "./fair.policy.js";
import * as repo from "./fair.repository.js";
import { numberField, type StandInput } from "./fair.schema.js";
import { visibleEvent } from "./register.js";

/** Stand numbers in the order people read them: 2 before 10, A1 before A2. */
export const byNumber = (a: FairStand, b: FairStand) =>
  (a.standNumber ?? "").localeCompare(b.standNumber ?? "", "da", { numeric: true }) || a.associationName.localeCompare(b.associationName, "da");

/** A fair that the reader may see; any other event is not a fair. */
export async function fairEvent(ctx: ServiceContext, id: string): Promise<CommunityEvent> {
  const e = await visibleEvent(ctx, id);
  if (e.kind !== "fair") throw notFound();
  return e;
}

/** Associations apply while the fair is published and has not begun. */
export const fairOpen = (ctx: ServiceContext, e: CommunityEvent) => e.status === "published" && e.startsAt > isoNow(ctx.clock);

/** A short code for the visitors' page, easy to type from a sign: ten letters and digits without look-alikes. */
export function standCode(): string {
  const alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
  return [...randomBytes(10)].map((b) => alphabet[b % alphabet.length]).join("");
}

/** The associations the signed-in person runs (is an admin of), by name. */
export async function associationsRun(ctx: ServiceContext): Promise<{ id: string; name: string }[]> {
  if (!isPerson(ctx.actor)) return [];
  const actor = ctx.actor;
  return (await namesForMember(ctx.db, ctx.tenant.id, actor.userId)).filter((a) =>
    can(actor, canApplyForStand, { tenantId: ctx.tenant.id, associationId: a.id }),
  );
}

export interface FairBlock {
  open: boolean;
  exhibitors: FairStand[];
  categories: (Term & { count: number })[];
  category: string | null;
  /** Open jobs per association, for the link to them. */
  jobs: Map<string, number>;
  /** The reader's associations, each with its stand here if it has applied. */
  mine: { id: string; name: string; stand: FairStand | null }[];
  /** Every category, for the application form. */
  allCategories: Term[];
  mayRun: boolean;
}

/** What a fair's page adds: the exhibitors with their stands (filtered by category), and the reader's own applications. */
export async function fairBlock(ctx: ServiceContext, e: CommunityEvent, category: string | null): Promise<FairBlock> {
  const [stands, categories, jobs, run] = await Promise.all([
    repo.standsOf(ctx.db, ctx.tenant.id, e.id),
    terms(ctx.db, ctx.tenant, "category", ctx.lang),
    openJobCounts(ctx),
    associationsRun(ctx),
  ]);
  const assigned = stands.filter((s) => s.status === "assigned").sort(byNumber);
  const counts = new Map<string, number>();
  for (const s of assigned) if (s.categoryId) counts.set(s.categoryId, (counts.get(s.categoryId) ?? 0) + 1);
  const chosen = categories.find((c) => c.code === category || c.id === category) ?? null;
  return {
    open: fairOpen(ctx, e),
    exhibitors: chosen ? assigned.filter((s) => s.categoryId === chosen.id) : assigned,
    categories: categories.filter((c) => counts.has(c.id)).map((c) => ({ ...c, count: counts.get(c.id) ?? 0 })),
    category: chosen?.code ?? null,
    jobs,
    mine: run.map((a) => ({ ...a, stand: stands.find((s) => s.associationId === a.id && s.status !== "withdrawn") ?? null })),
    allCategories: categories,
    mayRun: can(ctx.actor, canRunFair, { tenantId: ctx.tenant.id }),
  };
}

/** How many open jobs each association has, in one query. */
async function openJobCounts(ctx: ServiceContext): Promise<Map<string, number>> {
  const { rows } = await publicJobs(ctx, { offset: 0, limit: 5000, search: null, modifiedAfter: null });
  const counts = new Map<string, number>();
  for (const j of rows) counts.set(j.association_id, (counts.get(j.association_id) ?? 0) + 1);
  return counts;
}

/** The association the form names, or the one the person runs when they run only one. */
async function applicant(ctx: ServiceContext, named: string | null): Promise<string> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const run = await associationsRun(ctx);
  if (!named && run.length === 0) throw forbidden();
  const id = named ?? (run.length === 1 ? run[0]?.id : undefined);
  if (!id) throw invalidField("associationId", "fair.association.required");
  authorize(ctx.actor, canApplyForStand, { tenantId: ctx.tenant.id, associationId: id });
  return id;
}

/**
 * An association's admin applies for a stand, while the fair is upcoming. One application per association:
 * a second one is refused and changes nothing; one withdrawn before may be sent again.
 */
export async function applyForStand(ctx: ServiceContext, eventId: string, input: StandInput): Promise<FairStand> {
  const e = await fairEvent(ctx, eventId);
  const associationId = await applicant(ctx, input.associationId);
  if (!fairOpen(ctx, e)) throw conflict("closed", "fair.closed", { shows: "fair.closed" });
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const existing = await repo.standOfAssociation(tx.db, tx.tenant.id, e.id, associationId);
    if (existing && existing.status !== "withdrawn") throw conflict("conflict", "fair.already", { shows: "fair.already" });
    const request = { categoryId: input.categoryId, size: input.size, needsPower: input.needsPower, needsTable: input.needsTable, shows: input.shows };
    if (existing) await repo.updateStandRequest(tx.db, tx.tenant.id, existing.id, { ...request, status: "applied", updatedAt: now });
    else
      await repo.insertStand(tx.db, {
        id: newId(),
        tenantId: tx.tenant.id,
        eventId: e.id,
        associationId,
        ...request,
        status: "applied",
        standNumber: null,
        code: standCode(),
        appliedBy: isPerson(tx.actor) ? tx.actor.userId : null,
        createdAt: now,
        updatedAt: now,
      });
    const stand = (await repo.standOfAssociation(tx.db, tx.tenant.id, e.id, associationId)) as FairStand;
    await audit(tx, "fair.stand_applied", { type: "fair_stand", id: stand.id });
    return stand;
  });
}

/** The association changes what it asked for (its number, if it has one, stays), or withdraws the application. */
export async function changeStand(ctx: ServiceContext, eventId: string, input: StandInput): Promise<void> {
  const e = await fairEvent(ctx, eventId);
  const associationId = await applicant(ctx, input.associationId);
  if (!fairOpen(ctx, e)) throw conflict("closed", "fair.closed", { shows: "fair.closed" });
  const s = await repo.standOfAssociation(ctx.db, ctx.tenant.id, e.id, associationId);
  if (!s || (s.status !== "applied" && s.status !== "assigned")) throw notFound();
  await inTransaction(ctx, async (tx) => {
    const request = { categoryId: input.categoryId, size: input.size, needsPower: input.needsPower, needsTable: input.needsTable, shows: input.shows };
    await repo.updateStandRequest(tx.db, tx.tenant.id, s.id, { ...request, status: s.status, updatedAt: isoNow(tx.clock) });
    await audit(tx, "fair.stand_changed", { type: "fair_stand", id: s.id });
  });
}

export async function withdrawStand(ctx: ServiceContext, eventId: string, named: string | null): Promise<void> {
  const e = await fairEvent(ctx, eventId);
  const associationId = await applicant(ctx, named);
  const s = await repo.standOfAssociation(ctx.db, ctx.tenant.id, e.id, associationId);
  if (!s || (s.status !== "applied" && s.status !== "assigned")) throw notFound();
  await inTransaction(ctx, async (tx) => {
    await repo.setStandStatus(tx.db, tx.tenant.id, s.id, "withdrawn", null, isoNow(tx.clock));
    await audit(tx, "fair.stand_withdrawn", { type: "fair_stand", id: s.id });
  });
}

/** The staff's list: every application to a fair, numbered ones first. */
export async function standsForStaff(ctx: ServiceContext, eventId: string): Promise<{ event: CommunityEvent; stands: FairStand[]; categories: Term[] }> {
  authorize(ctx.actor, canRunFair, { tenantId: ctx.tenant.id });
  const event = await findEvent(ctx.db, ctx.tenant.id, eventId);
  if (event?.kind !== "fair") throw notFound();
  const [stands, categories] = await Promise.all([repo.standsOf(ctx.db, ctx.tenant.id, event.id), terms(ctx.db, ctx.tenant, "category", ctx.lang)]);
  const order = { assigned: 0, applied: 1, declined: 2, withdrawn: 3 };
  return { event, stands: stands.sort((a, b) => order[a.status] - order[b.status] || byNumber(a, b)), categories };
}

/**
 * Staff give the stands their numbers in one save. A number may stand on one stand only: a number used
 * twice marks both rows and nothing is saved. A stand given a number is assigned (its association hears
 * of it); one whose number is cleared goes back to applied.
 */
export async function assignNumbers(ctx: ServiceContext, eventId: string, numbers: Record<string, string | null>): Promise<number> {
  const { event, stands } = await standsForStaff(ctx, eventId);
  const live = stands.filter((s) => s.status === "applied" || s.status === "assigned");
  const wanted = new Map(live.map((s) => [s.id, s.id in numbers ? (numbers[s.id] ?? null) : s.standNumber]));
  const holders = new Map<string, string[]>();
  for (const [id, n] of wanted) if (n) holders.set(n.toLowerCase(), [...(holders.get(n.toLowerCase()) ?? []), id]);
  const errors: FieldErrors = {};
  for (const [, ids] of holders)
    if (ids.length > 1) for (const id of ids) errors[numberField(id)] = { key: "fair.number.taken", values: { number: wanted.get(id) ?? "" } };
  if (Object.keys(errors).length) throw invalid(errors, "fair.number.taken");
  const changed = live.filter((s) => wanted.get(s.id) !== s.standNumber);
  if (changed.length === 0) return 0;
  await inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    await repo.clearStandNumbers(
      tx.db,
      tx.tenant.id,
      changed.map((s) => s.id),
      now,
    );
    for (const s of changed) {
      const n = wanted.get(s.id) ?? null;
      await repo.setStandStatus(tx.db, tx.tenant.id, s.id, n ? "assigned" : "applied", n, now);
      await audit(tx, n ? "fair.stand_assigned" : "fair.stand_unassigned", { type: "fair_stand", id: s.id });
      if (n) await mailStand(tx, event, s, "assigned", n);
    }
  });
  return changed.length;
}

/** A stand staff may still decline (applied for or numbered), with its fair: for the confirmation page and the decline. */
export async function standToDecline(ctx: ServiceContext, eventId: string, standId: string): Promise<{ event: CommunityEvent; stand: FairStand }> {
  const { event, stands } = await standsForStaff(ctx, eventId);
  const stand = stands.find((x) => x.id === standId);
  if (!stand || (stand.status !== "applied" && stand.status !== "assigned")) throw notFound();
  return { event, stand };
}

/** Staff decline an application, after confirming it on a page of its own; the association hears. */
export async function declineStand(ctx: ServiceContext, eventId: string, standId: string): Promise<void> {
  const { event, stand: s } = await standToDecline(ctx, eventId, standId);
  await inTransaction(ctx, async (tx) => {
    await repo.setStandStatus(tx.db, tx.tenant.id, s.id, "declined", null, isoNow(tx.clock));
    await audit(tx, "fair.stand_declined", { type: "fair_stand", id: s.id });
    await mailStand(tx, event, s, "declined", null);
  });
}

/** To the admin who applied, or else to the association's own address. */
async function mailStand(ctx: ServiceContext, e: CommunityEvent, s: FairStand, what: "assigned" | "declined", n: string | null) {
  const applier = s.appliedBy ? await findUserById(ctx.db, ctx.tenant.id, s.appliedBy) : undefined;
  const to = applier?.email ?? (await identities(ctx.db, ctx.tenant.id)).find((a) => a.id === s.associationId)?.email;
  if (!to) return;
  await sendMail(ctx.db, ctx.clock, {
    tenant: ctx.tenant,
    to,
    compose: (t) =>
      what === "assigned"
        ? {
            subject: t("fair.mail.assigned.subject", { title: e.title, number: n ?? "" }),
            paragraphs: [t("fair.mail.assigned.body", { association: s.associationName, title: e.title, number: n ?? "" }), t("fair.mail.assigned.sign")],
            action: { label: t("fair.mail.assigned.action"), url: `${ctx.baseUrl}/events/${e.id}/stands/${s.id}/sign` },
          }
        : {
            subject: t("fair.mail.declined.subject", { title: e.title }),
            paragraphs: [t("fair.mail.declined.body", { association: s.associationName, title: e.title, contact: e.contactEmail })],
            action: { label: t("fair.mail.declined.action"), url: `${ctx.baseUrl}/events/${e.id}` },
          },
  });
}

/** A stand's printable sign: its number, its association, and the QR code's address (built from the tenant's host). */
export async function standSign(ctx: ServiceContext, eventId: string, standId: string): Promise<{ event: CommunityEvent; stand: FairStand; url: string }> {
  const stand = await repo.findStand(ctx.db, ctx.tenant.id, standId);
  if (!stand || stand.eventId !== eventId) throw notFound();
  authorize(ctx.actor, canPrintStandSign, stand);
  const event = await findEvent(ctx.db, ctx.tenant.id, eventId);
  if (!event || stand.status !== "assigned") throw notFound();
  return { event, stand, url: visitorUrl(ctx, stand.code) };
}

export const visitorUrl = (ctx: Pick<ServiceContext, "baseUrl">, code: string) => `${ctx.baseUrl}/fair/${code}`;
