import { Temporal } from "temporal-polyfill";
import { audit } from "../../platform/audit/audit.js";
import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import { userNames } from "../../platform/auth/users.repository.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField, notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext, tenantToday } from "../../platform/service-context.js";
import { associationNames, identities } from "../associations/index.js";
import {
  type Agreement,
  type AgreementLink,
  type AgreementPageData,
  type FormChoices,
  inRegister,
  LINK_KINDS,
  type LinkKind,
  publicPart,
} from "./agreements.model.js";
import { canManageAgreements, canSeeAgreement, canSeeOwnAgreements } from "./agreements.policy.js";
import * as repo from "./agreements.repository.js";
import type { AgreementInput } from "./agreements.schema.js";
import { readerLevels } from "./levels.service.js";
import { linkTargets } from "./link-targets.js";

type Ctx = Pick<ServiceContext, "db" | "tenant">;

/** The parties' names, through the associations module. */
export const namesOf = (ctx: Ctx) => (ids: readonly string[]) => associationNames(ctx, ids);

/** Whole days from today to the agreement's end (0 on its last day). */
export const daysLeft = (endsOn: string, today: string) => Temporal.PlainDate.from(today).until(Temporal.PlainDate.from(endsOn)).days;

export function mayManage(ctx: ServiceContext) {
  authorize(ctx.actor, canManageAgreements, { tenantId: ctx.tenant.id });
}

const seeRecord = (a: Agreement) => ({ tenantId: a.tenantId, associationIds: a.parties.map((p) => p.associationId) });

/** An agreement the person may see in full (its keepers, a party's board); a 404 for anyone else. */
async function visible(ctx: ServiceContext, id: string): Promise<Agreement> {
  const found = await repo.findAgreement(ctx.db, ctx.tenant.id, id, namesOf(ctx));
  if (!found || !can(ctx.actor, canSeeAgreement, seeRecord(found))) {
    if (!isPerson(ctx.actor)) authorize(ctx.actor, canManageAgreements, { tenantId: ctx.tenant.id });
    throw notFound();
  }
  return found;
}

/** An agreement to change: a keeper's, in the tenant (else 404). */
async function toManage(ctx: ServiceContext, id: string): Promise<Agreement> {
  mayManage(ctx);
  const found = await repo.findAgreement(ctx.db, ctx.tenant.id, id, namesOf(ctx));
  if (!found) throw notFound();
  return found;
}

/** What the form offers: the tenant's levels, associations, grant schemes and premises, by name. */
export async function formChoices(ctx: ServiceContext): Promise<FormChoices> {
  const [levels, associations, links] = await Promise.all([readerLevels(ctx), identities(ctx.db, ctx.tenant.id), linkTargets(ctx)]);
  // In the reader's alphabet (Danish and Norwegian: Æ, Ø, Å last).
  const order = new Intl.Collator(ctx.lang);
  return {
    levels,
    associations: associations.map((a) => ({ id: a.id, name: a.name })).sort((a, b) => order.compare(a.name, b.name)),
    links,
  };
}

/** The parties and links named in the form, each found in the tenant; an unknown one is the form's error. */
async function resolve(ctx: ServiceContext, input: AgreementInput): Promise<{ parties: Agreement["parties"]; links: AgreementLink[] }> {
  const choices = await formChoices(ctx);
  if (!choices.levels.some((l) => l.id === input.level)) throw invalidField("level", "agreements.error.level");
  const seen = new Set<string>();
  const parties: Agreement["parties"] = [];
  for (const p of input.parties) {
    const found = choices.associations.find((a) => a.id === p.associationId);
    if (!found) throw invalidField("party", "agreements.error.unknownAssociation");
    if (seen.has(found.id)) throw invalidField("party", "agreements.error.partyTwice");
    seen.add(found.id);
    parties.push({ associationId: found.id, name: found.name, gives: p.gives });
  }
  const links: AgreementLink[] = [];
  for (const value of new Set(input.link)) {
    const [kind, refId] = value.split(":") as [string, string | undefined];
    const found = choices.links.find((l) => l.kind === kind && l.id === refId);
    if (!found || !LINK_KINDS.includes(kind as LinkKind)) throw invalidField("link", "validation.invalid");
    links.push({ kind: found.kind, refId: found.id });
  }
  return { parties, links };
}

function fromInput(input: AgreementInput, parties: Agreement["parties"]) {
  return {
    title: input.title,
    purpose: input.purpose,
    level: input.level,
    status: input.status,
    municipalUnit: input.municipalUnit,
    municipalityGives: input.municipalityGives,
    startsOn: input.startsOn,
    endsOn: input.endsOn,
    isPublic: input.isPublic,
    contactName: input.contactName,
    contactEmail: input.contactEmail,
    contactPhone: input.contactPhone,
    notes: input.notes,
    parties,
  };
}

export async function createAgreement(ctx: ServiceContext, input: AgreementInput): Promise<Agreement> {
  mayManage(ctx);
  const { parties, links } = await resolve(ctx, input);
  const now = isoNow(ctx.clock);
  const id = newId();
  const agreement: Agreement = {
    ...fromInput(input, parties),
    id,
    tenantId: ctx.tenant.id,
    seriesId: id,
    previousId: null,
    responsibleUserId: isPerson(ctx.actor) ? ctx.actor.userId : null,
    remindedAt: null,
    endedAt: input.status === "ended" ? now : null,
    endNote: "",
    createdAt: now,
    updatedAt: now,
  };
  return inTransaction(ctx, async (tx) => {
    await repo.insertAgreement(tx.db, tx.tenant.id, agreement);
    await repo.putLinks(tx.db, tx.tenant.id, id, links);
    await audit(tx, "agreements.created", { type: "agreement", id });
    return agreement;
  });
}

export async function changeAgreement(ctx: ServiceContext, id: string, input: AgreementInput): Promise<Agreement> {
  const before = await toManage(ctx, id);
  const { parties, links } = await resolve(ctx, input);
  const now = isoNow(ctx.clock);
  const after: Agreement = {
    ...before,
    ...fromInput(input, parties),
    // A new end date is a new reason to remind.
    remindedAt: input.endsOn === before.endsOn ? before.remindedAt : null,
    endedAt: input.status === "ended" ? (before.endedAt ?? now) : null,
    updatedAt: now,
  };
  return inTransaction(ctx, async (tx) => {
    await repo.updateAgreement(tx.db, tx.tenant.id, after);
    await repo.putLinks(tx.db, tx.tenant.id, id, links);
    await audit(tx, "agreements.changed", { type: "agreement", id });
    return after;
  });
}

/** The latest day an agreement can be ended on: today, or its first day when it has not started yet. */
export const latestEnd = (a: Pick<Agreement, "startsOn">, today: string) => (a.startsOn > today ? a.startsOn : today);

/** What the confirmation page asks about: the agreement (a keeper's) and the day it ends on unless they choose another. */
export async function agreementToEnd(ctx: ServiceContext, id: string): Promise<{ agreement: Agreement; endsOn: string; latest: string }> {
  const agreement = await toManage(ctx, id);
  const latest = latestEnd(agreement, tenantToday(ctx));
  const endsOn = agreement.endsOn && agreement.endsOn < latest && agreement.endsOn >= agreement.startsOn ? agreement.endsOn : latest;
  return { agreement, endsOn, latest };
}

/**
 * Ends an agreement, once its keeper has confirmed: its last day (not after today, not before its start)
 * and a note. It stays, ended, in the list and among its periods; it leaves the public register; nobody is
 * mailed, and no reminder goes out for it any more.
 */
export async function endAgreement(ctx: ServiceContext, id: string, input: { endsOn: string; endNote: string }): Promise<void> {
  const before = await toManage(ctx, id);
  if (before.status === "ended") throw conflict("conflict", "agreements.endPage.already", { endsOn: "agreements.endPage.already" });
  if (input.endsOn < before.startsOn) throw invalidField("endsOn", "agreements.error.endBeforeStart");
  if (input.endsOn > latestEnd(before, tenantToday(ctx))) throw invalidField("endsOn", "agreements.error.endAfterToday");
  const now = isoNow(ctx.clock);
  await inTransaction(ctx, async (tx) => {
    await repo.updateAgreement(tx.db, tx.tenant.id, {
      ...before,
      status: "ended",
      endsOn: input.endsOn,
      endedAt: now,
      endNote: input.endNote,
      remindedAt: before.remindedAt ?? now,
      updatedAt: now,
    });
    await audit(tx, "agreements.ended", { type: "agreement", id }, { endsOn: input.endsOn, plannedEnd: before.endsOn });
  });
}

/**
 * A new period of the same agreement, as a draft: the same parties and terms, from the day after the
 * old one ends and as long as it was (open-ended stays open-ended). The old period stays as it was, as
 * history; it is not reminded of any more.
 */
export async function renewAgreement(ctx: ServiceContext, id: string): Promise<Agreement> {
  const old = await toManage(ctx, id);
  const links = await repo.linksOf(ctx.db, ctx.tenant.id, id);
  const now = isoNow(ctx.clock);
  const today = tenantToday(ctx);
  const from = old.endsOn ? Temporal.PlainDate.from(old.endsOn).add({ days: 1 }) : Temporal.PlainDate.from(today);
  const length = old.endsOn ? Temporal.PlainDate.from(old.startsOn).until(Temporal.PlainDate.from(old.endsOn)) : null;
  const next: Agreement = {
    ...old,
    id: newId(),
    previousId: old.id,
    status: "draft",
    startsOn: from.toString(),
    endsOn: length ? from.add(length).toString() : null,
    responsibleUserId: isPerson(ctx.actor) ? ctx.actor.userId : old.responsibleUserId,
    remindedAt: null,
    endedAt: null,
    endNote: "",
    createdAt: now,
    updatedAt: now,
  };
  return inTransaction(ctx, async (tx) => {
    await repo.insertAgreement(tx.db, tx.tenant.id, next);
    await repo.putLinks(tx.db, tx.tenant.id, next.id, links);
    await repo.markReminded(tx.db, tx.tenant.id, old.id, now);
    await audit(tx, "agreements.renewed", { type: "agreement", id: next.id }, { previous: old.id });
    return next;
  });
}

/** The keepers' list, with filters. */
export async function manageList(ctx: ServiceContext, filter: repo.AgreementFilter) {
  mayManage(ctx);
  return { agreements: await repo.listAgreements(ctx.db, ctx.tenant.id, filter, namesOf(ctx)), today: tenantToday(ctx) };
}

/** A board's agreements: those its associations are party to. */
export async function myAgreements(ctx: ServiceContext) {
  authorize(ctx.actor, canSeeOwnAgreements, { tenantId: ctx.tenant.id });
  const boards = [...ctx.actor.memberships].filter(([, role]) => role === "admin").map(([id]) => id);
  return { agreements: await repo.listAgreements(ctx.db, ctx.tenant.id, { associationIds: boards }, namesOf(ctx)), today: tenantToday(ctx) };
}

/** The public register: what the agreements marked public show. */
export async function publicRegister(ctx: ServiceContext) {
  const today = tenantToday(ctx);
  const rows = await repo.publicAgreements(ctx.db, ctx.tenant.id, today, namesOf(ctx));
  return rows.filter((a) => inRegister(a, today)).map(publicPart);
}

/**
 * The agreements a grant scheme or a premise is part of, as this person may see them: agreed and not yet
 * over; in full (its own page) for its keepers and a party's board, else only those in the public register.
 */
export async function agreementsLinkedTo(ctx: ServiceContext, kind: LinkKind, refId: string): Promise<{ id: string; title: string; href: string }[]> {
  const today = tenantToday(ctx);
  const rows = await repo.agreementsLinkingTo(ctx.db, ctx.tenant.id, kind, refId, namesOf(ctx));
  return rows
    .filter((a) => a.status === "agreed" && (a.endsOn === null || a.endsOn >= today))
    .flatMap((a) => {
      if (can(ctx.actor, canSeeAgreement, seeRecord(a))) return [{ id: a.id, title: a.title, href: `/agreements/${a.id}` }];
      return inRegister(a, today) ? [{ id: a.id, title: a.title, href: `/agreements#${a.id}` }] : [];
    });
}

/** An agreement's page: the agreement, its documents, links, periods, and what this person may do. */
export async function agreementPage(ctx: ServiceContext, id: string): Promise<AgreementPageData> {
  const agreement = await visible(ctx, id);
  const mayEdit = can(ctx.actor, canManageAgreements, { tenantId: ctx.tenant.id });
  const [documents, links, series, choices, names] = await Promise.all([
    repo.documentsOf(ctx.db, ctx.tenant.id, id),
    repo.linksOf(ctx.db, ctx.tenant.id, id),
    repo.seriesOf(ctx.db, ctx.tenant.id, agreement.seriesId),
    formChoices(ctx),
    userNames(ctx.db, ctx.tenant.id, [agreement.responsibleUserId]),
  ]);
  const linkNames = links.map((l) => ({ ...l, name: choices.links.find((c) => c.kind === l.kind && c.id === l.refId)?.name ?? "" })).filter((l) => l.name);
  return {
    agreement,
    documents,
    links: linkNames,
    series,
    choices,
    responsible: agreement.responsibleUserId ? (names.get(agreement.responsibleUserId) ?? null) : null,
    mayEdit,
    today: tenantToday(ctx),
  };
}
