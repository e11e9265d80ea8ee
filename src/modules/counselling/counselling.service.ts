import { audit } from "../../platform/audit/audit.js";
import { authorize, can, isPerson } from "../../platform/auth/policy.js";
import { userNames } from "../../platform/auth/users.repository.js";
import { isoNow } from "../../platform/clock.js";
import { AppError, invalidField, notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext, tenantToday } from "../../platform/service-context.js";
import { associationDetails, associationNames, identities } from "../associations/index.js";
import type { BoardCase, CaseList, CasePage, CaseRow, CaseStatus, CounsellingCase, CounsellingEntry } from "./counselling.model.js";
import { canKeepCounselling, canSeeAgreed, canSeeOwnCounselling } from "./counselling.policy.js";
import * as repo from "./counselling.repository.js";
import type { EntryInput, NewCaseInput } from "./counselling.schema.js";

/** Only the centre's staff keep the log: to anyone else its pages do not exist. */
function keeper(ctx: ServiceContext) {
  if (!isPerson(ctx.actor)) authorize(ctx.actor, canKeepCounselling, { tenantId: ctx.tenant.id });
  if (!can(ctx.actor, canKeepCounselling, { tenantId: ctx.tenant.id })) throw notFound();
  return ctx.actor as Extract<ServiceContext["actor"], { kind: "person" }>;
}

/** Staff who may be responsible for a case; an id that is not one of them is refused on the field. */
export async function staffChoices(ctx: ServiceContext) {
  return repo.staffMembers(ctx.db, ctx.tenant.id);
}

async function staffMember(ctx: ServiceContext, field: string, id: string): Promise<string | null> {
  if (!id) return null;
  const staff = await repo.staffMembers(ctx.db, ctx.tenant.id);
  if (!staff.some((s) => s.id === id)) throw invalidField(field, "counselling.staff.unknown");
  return id;
}

/** The case's title: its association's name or the initiative's. */
export const caseName = (c: CounsellingCase, associations: Map<string, string>): string =>
  (c.associationId ? associations.get(c.associationId) : c.initiativeName) ?? c.contactName ?? "";

function withLatest(c: CounsellingCase, entries: CounsellingEntry[]): CaseRow {
  const own = entries.filter((e) => e.caseId === c.id);
  const latest = own[0];
  return {
    ...c,
    nextStep: latest?.nextStep ?? null,
    nextStepOn: latest?.nextStepOn ?? null,
    minutes: own.reduce((sum, e) => sum + e.minutes, 0),
    lastHeldOn: latest?.heldOn ?? null,
  };
}

/** Whether a case's next step is late: open, and its day has passed. */
export const isOverdue = (row: Pick<CaseRow, "status" | "nextStepOn">, today: string) =>
  row.status === "open" && row.nextStepOn !== null && row.nextStepOn < today;

/** The log: open cases first, then by their next step's day, filtered by topic, staff and status. */
export async function caseList(ctx: ServiceContext, filter: repo.CaseFilter): Promise<CaseList> {
  keeper(ctx);
  const cases = await repo.listCases(ctx.db, ctx.tenant.id, filter);
  const [entries, names, staff] = await Promise.all([
    repo.entriesOf(
      ctx.db,
      ctx.tenant.id,
      cases.map((c) => c.id),
    ),
    associationNames(
      ctx,
      cases.flatMap((c) => (c.associationId ? [c.associationId] : [])),
    ),
    repo.staffMembers(ctx.db, ctx.tenant.id),
  ]);
  const staffNames = new Map(staff.map((s) => [s.id, s.name]));
  const today = tenantToday(ctx);
  const rows = cases
    .map((c) => withLatest(c, entries))
    .map((r) => ({ ...r, name: caseName(r, names), staffName: r.staffId ? (staffNames.get(r.staffId) ?? null) : null, overdue: isOverdue(r, today) }))
    .sort((a, b) => {
      if (a.status !== b.status) return a.status === "open" ? -1 : 1;
      const an = a.nextStepOn ?? "9999";
      const bn = b.nextStepOn ?? "9999";
      return an === bn ? b.updatedAt.localeCompare(a.updatedAt) : an.localeCompare(bn);
    });
  return { rows, staff: staff.map((s) => ({ id: s.id, name: s.name })) };
}

export async function newCaseChoices(ctx: ServiceContext) {
  keeper(ctx);
  const [associations, staff] = await Promise.all([identities(ctx.db, ctx.tenant.id), repo.staffMembers(ctx.db, ctx.tenant.id)]);
  return {
    associations: associations.map((a) => ({ id: a.id, name: a.name })).sort((a, b) => a.name.localeCompare(b.name, "da")),
    staff: staff.map((s) => ({ id: s.id, name: s.name })),
  };
}

/** Opens a case for an association of the tenant (an unknown id is refused on its field) or for a new initiative. */
export async function openCase(ctx: ServiceContext, input: NewCaseInput): Promise<CounsellingCase> {
  const actor = keeper(ctx);
  let associationId: string | null = null;
  if (input.kind === "association") {
    try {
      associationId = (await associationDetails(ctx, input.associationId)).id;
    } catch (e) {
      if (e instanceof AppError && e.status === 404) throw invalidField("associationId", "counselling.association.unknown");
      throw e;
    }
  }
  const staffId = await staffMember(ctx, "staffId", input.staffId);
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const c: CounsellingCase = {
      id: newId(),
      tenantId: tx.tenant.id,
      associationId,
      initiativeName: associationId ? null : input.initiativeName,
      contactName: associationId ? null : input.contactName,
      contactEmail: associationId ? null : input.contactEmail,
      contactPhone: null,
      topic: input.topic,
      about: input.about,
      source: "staff",
      status: "open",
      staffId: staffId ?? actor.userId,
      createdBy: actor.userId,
      createdAt: now,
      updatedAt: now,
      closedAt: null,
    };
    await repo.insertCase(tx.db, c);
    await audit(tx, "counselling.case_opened", { type: "counselling_case", id: c.id }, { topic: c.topic, association: associationId });
    return c;
  });
}

export async function casePage(ctx: ServiceContext, id: string): Promise<CasePage> {
  keeper(ctx);
  const c = await repo.findCase(ctx.db, ctx.tenant.id, id);
  if (!c) throw notFound();
  const [entries, names, staff] = await Promise.all([
    repo.entriesOf(ctx.db, ctx.tenant.id, [c.id]),
    associationNames(ctx, c.associationId ? [c.associationId] : []),
    repo.staffMembers(ctx.db, ctx.tenant.id),
  ]);
  const people = await userNames(ctx.db, ctx.tenant.id, [c.staffId, ...entries.flatMap((e) => [e.responsibleId, e.createdBy])]);
  const row = withLatest(c, entries);
  const today = tenantToday(ctx);
  return {
    case: c,
    name: caseName(c, names),
    entries: entries.map((e) => ({
      ...e,
      responsibleName: e.responsibleId ? (people.get(e.responsibleId) ?? null) : null,
      authorName: e.createdBy ? (people.get(e.createdBy) ?? null) : null,
    })),
    staffName: c.staffId ? (people.get(c.staffId) ?? null) : null,
    staff: staff.map((s) => ({ id: s.id, name: s.name })),
    minutes: row.minutes,
    overdue: isOverdue(row, today),
    today,
  };
}

/** Logs a conversation on an open or closed case; the responsible staff member must be one of the centre's. */
export async function addEntry(ctx: ServiceContext, id: string, input: EntryInput): Promise<CounsellingEntry> {
  const actor = keeper(ctx);
  const c = await repo.findCase(ctx.db, ctx.tenant.id, id);
  if (!c) throw notFound();
  const responsibleId = (await staffMember(ctx, "responsibleId", input.responsibleId)) ?? c.staffId ?? actor.userId;
  return inTransaction(ctx, async (tx) => {
    const now = isoNow(tx.clock);
    const entry: CounsellingEntry = {
      id: newId(),
      caseId: c.id,
      heldOn: input.heldOn,
      minutes: input.minutes,
      agreed: input.agreed,
      internalNote: input.internalNote,
      nextStep: input.nextStep,
      nextStepOn: input.nextStep ? input.nextStepOn : null,
      responsibleId,
      remindedAt: null,
      createdBy: actor.userId,
      createdAt: now,
    };
    await repo.insertEntry(tx.db, tx.tenant.id, entry);
    await repo.touchCase(tx.db, tx.tenant.id, c.id, now);
    await audit(tx, "counselling.conversation_logged", { type: "counselling_case", id: c.id }, { minutes: entry.minutes });
    return entry;
  });
}

export async function setCaseStatus(ctx: ServiceContext, id: string, status: CaseStatus): Promise<void> {
  const actor = keeper(ctx);
  const c = await repo.findCase(ctx.db, ctx.tenant.id, id);
  if (!c) throw notFound();
  if (c.status === status) return;
  await inTransaction(ctx, async (tx) => {
    await repo.setStatus(tx.db, tx.tenant.id, c.id, status, actor.userId, isoNow(tx.clock));
    await audit(tx, status === "closed" ? "counselling.case_closed" : "counselling.case_reopened", { type: "counselling_case", id: c.id });
  });
}

/**
 * The counselling of the associations whose board the person sits on: topic, dates, what was agreed and the
 * next steps. The internal notes and the staff's minutes never leave the service.
 */
export async function boardCases(ctx: ServiceContext): Promise<BoardCase[]> {
  if (!isPerson(ctx.actor)) authorize(ctx.actor, canSeeOwnCounselling, { tenantId: ctx.tenant.id });
  if (!can(ctx.actor, canSeeOwnCounselling, { tenantId: ctx.tenant.id })) throw notFound();
  const actor = ctx.actor as Extract<ServiceContext["actor"], { kind: "person" }>;
  const boards = [...actor.memberships].filter(([, role]) => role === "admin").map(([id]) => id);
  const cases = (await repo.casesOfAssociations(ctx.db, ctx.tenant.id, boards)).filter((c) => can(ctx.actor, canSeeAgreed, c));
  const [entries, names] = await Promise.all([
    repo.entriesOf(
      ctx.db,
      ctx.tenant.id,
      cases.map((c) => c.id),
    ),
    associationNames(
      ctx,
      cases.flatMap((c) => (c.associationId ? [c.associationId] : [])),
    ),
  ]);
  return cases.map((c) => ({
    id: c.id,
    association: caseName(c, names),
    topic: c.topic,
    status: c.status,
    openedOn: c.createdAt,
    closedAt: c.closedAt,
    entries: entries
      .filter((e) => e.caseId === c.id && (e.agreed || e.nextStep))
      .map((e) => ({ heldOn: e.heldOn, agreed: e.agreed, nextStep: e.nextStep, nextStepOn: e.nextStepOn })),
  }));
}
