import type { Database } from "../../db/database.js";
import { audit } from "../../platform/audit/audit.js";
import { sendInvitation } from "../../platform/auth/invitations.js";
import { type AssociationRole, authorize, can, type Person, type Rule } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, notFound } from "../../platform/http/errors.js";
import { type Named, requireFound } from "../../platform/http/references.js";
import { newId } from "../../platform/ids.js";
import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { Association, AssociationDetails, AssociationIdentity, AssociationRef, Member } from "./associations.model.js";
import { canCreateAssociation, canEditAssociation, canListAllAssociations, canManageMembers, canViewAssociation } from "./associations.policy.js";
import * as repo from "./associations.repository.js";
import type { ListQuery } from "./associations.schema.js";

export async function load(ctx: Pick<ServiceContext, "db" | "tenant">, id: string): Promise<Association> {
  const a = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (!a) throw notFound();
  return a;
}

/**
 * The associations a request names, looked up in its tenant in one query and returned by id. One
 * not found there is a 404 when the path names it and a 422 on its field when a form does.
 */
export async function resolveAssociations(ctx: Pick<ServiceContext, "db" | "tenant">, named: readonly Named[]): Promise<Map<string, AssociationRef>> {
  const found = new Map((await repo.findMany(ctx.db, ctx.tenant.id, [...new Set(named.map((n) => n.id))])).map((a) => [a.id, a]));
  requireFound(found, named);
  return found;
}

/**
 * The association a request acts for (named by its path, or by a form's field when one is given),
 * found in the tenant and allowed by the rule for the association as it is stored.
 */
export async function actFor(
  ctx: ServiceContext,
  rule: Rule<{ tenantId: string; associationId: string }>,
  associationId: string,
  field?: string,
): Promise<{ association: AssociationRef; actor: Person }> {
  const association = (await resolveAssociations(ctx, [{ id: associationId, field }])).get(associationId) as AssociationRef;
  authorize(ctx.actor, rule, { tenantId: association.tenantId, associationId: association.id });
  return { association, actor: ctx.actor };
}

/** The association's page among its members, with what the person looking may do there. */
export async function get(ctx: ServiceContext, id: string) {
  const a = await load(ctx, id);
  authorize(ctx.actor, canViewAssociation, { tenantId: a.tenantId, id: a.id });
  const record = { tenantId: a.tenantId, id: a.id };
  return { association: a, mayEdit: can(ctx.actor, canEditAssociation, record), mayManageMembers: can(ctx.actor, canManageMembers, record) };
}

export async function getForEdit(ctx: ServiceContext, id: string): Promise<Association> {
  const a = await load(ctx, id);
  authorize(ctx.actor, canEditAssociation, { tenantId: a.tenantId, id: a.id });
  return a;
}

/** Staff see every association; everyone else sees the ones they belong to. */
export async function list(ctx: ServiceContext, query: ListQuery, options: { all?: boolean } = {}) {
  authorize(ctx.actor, canCreateAssociation, { tenantId: ctx.tenant.id });
  const everything = canListAllAssociations(ctx.actor, { tenantId: ctx.tenant.id });
  const page = await repo.list(ctx.db, ctx.tenant.id, query, { memberId: everything ? undefined : ctx.actor.userId, all: options.all });
  return { ...page, staffView: everything };
}

async function insert(ctx: ServiceContext, input: AssociationDetails, by: { adminId: string | null; via?: string }, as?: { actorId: string | null }) {
  const id = newId();
  const now = isoNow(ctx.clock);
  await inTransaction(ctx, async (tx) => {
    await repo.insert(tx.db, tx.tenant.id, [{ ...input, id }], now);
    if (by.adminId) await repo.putMember(tx.db, tx.tenant.id, { associationId: id, userId: by.adminId, role: "admin" }, now);
    await audit(tx, "association.created", { type: "association", id }, by.via ? { via: by.via } : undefined, as);
  });
  return id;
}

/** A citizen who registers an association becomes its admin; staff register on an association's behalf. */
export async function create(ctx: ServiceContext, input: AssociationDetails): Promise<string> {
  authorize(ctx.actor, canCreateAssociation, { tenantId: ctx.tenant.id });
  const staff = canListAllAssociations(ctx.actor, { tenantId: ctx.tenant.id });
  return insert(ctx, input, { adminId: staff ? null : ctx.actor.userId });
}

/** For an integration holding an API token; the token's scope was checked by the API layer. */
export async function createViaApi(ctx: ServiceContext, input: AssociationDetails, tokenId: string): Promise<Association> {
  const id = await insert(ctx, input, { adminId: null, via: `api_token:${tokenId}` }, { actorId: null });
  return load(ctx, id);
}

export const findForApi = (ctx: ServiceContext, id: string) => repo.findById(ctx.db, ctx.tenant.id, id);
export const listForApi = (ctx: ServiceContext, query: ListQuery) => repo.list(ctx.db, ctx.tenant.id, query, {});

export async function update(ctx: ServiceContext, id: string, input: AssociationDetails): Promise<void> {
  await getForEdit(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await repo.updateDetails(tx.db, tx.tenant.id, id, input, isoNow(tx.clock));
    await audit(tx, "association.updated", { type: "association", id });
  });
}

export async function members(ctx: ServiceContext, id: string): Promise<Member[]> {
  await get(ctx, id);
  return repo.members(ctx.db, ctx.tenant.id, id);
}

export async function inviteMember(ctx: ServiceContext, id: string, input: { email: string; role: AssociationRole }): Promise<void> {
  const a = await load(ctx, id);
  authorize(ctx.actor, canManageMembers, { tenantId: a.tenantId, id: a.id });
  const actor = ctx.actor;
  await inTransaction(ctx, async (tx) => {
    await sendInvitation(tx.db, tx, {
      email: input.email,
      data: { kind: "association", associationId: id, role: input.role },
      compose: (t) => ({
        subject: t("mail.inviteAssociation.subject", { association: a.name }),
        body: t("mail.inviteAssociation.body", { inviter: actor.name, association: a.name, tenant: tx.tenant.name }),
      }),
    });
    await audit(tx, "association.member_invited", { type: "association", id }, { role: input.role });
  });
}

/** Called when a person accepts an invitation to an association. */
export async function addMember(
  db: Database,
  ctx: ServiceContext,
  input: { associationId: string; userId: string; role: AssociationRole },
): Promise<Association> {
  const tx = { ...ctx, db };
  const a = await load(tx, input.associationId);
  await repo.putMember(db, ctx.tenant.id, input, isoNow(ctx.clock));
  await audit(tx, "association.member_joined", { type: "association", id: a.id }, { role: input.role }, { actorId: input.userId });
  return a;
}

/** Changes a member's role or removes them; an association always keeps one admin. */
export async function changeMember(ctx: ServiceContext, id: string, userId: string, change: { role: AssociationRole } | "remove"): Promise<void> {
  const a = await load(ctx, id);
  authorize(ctx.actor, canManageMembers, { tenantId: a.tenantId, id: a.id });
  await inTransaction(ctx, async (tx) => {
    const current = await repo.memberRole(tx.db, tx.tenant.id, id, userId);
    if (!current) throw notFound();
    const losesAdmin = current === "admin" && (change === "remove" || change.role !== "admin");
    if (losesAdmin && (await repo.adminCount(tx.db, tx.tenant.id, id)) <= 1) throw conflict("last_admin", "association.lastAdmin");
    if (change === "remove") await repo.removeMember(tx.db, tx.tenant.id, id, userId);
    else await repo.putMember(tx.db, tx.tenant.id, { associationId: id, userId, role: change.role }, isoNow(tx.clock));
    await audit(
      tx,
      change === "remove" ? "association.member_removed" : "association.member_role_changed",
      { type: "user", id: userId },
      { association: id, ...(change === "remove" ? {} : { role: change.role }) },
    );
  });
}

export async function namesForMember(db: Database, tenantId: string, userId: string) {
  return repo.namesForMember(db, tenantId, userId);
}

export const personalData: PersonalDataSource = {
  columns: ["association_members.user_id"],
  async read(db, _ring, subject) {
    const memberships = subject.userId ? await repo.membershipsOf(db, subject.tenantId, subject.userId) : [];
    // The download's own field names, as people have received them.
    return { association_memberships: memberships.map((m) => ({ association: m.association, role: m.role, member_since: m.memberSince })) };
  },
  async erase(trx, subject) {
    if (subject.userId) await repo.removeFromAll(trx, subject.tenantId, subject.userId);
  },
};

/** Associations as open data. */
export async function publicRecords(ctx: ServiceContext, filter: Parameters<typeof repo.listPublicRecords>[2]) {
  return repo.listPublicRecords(ctx.db, ctx.tenant.id, filter);
}

/** Every association of the tenant by name, register number and e-mail, for imports and mail that refer to them. */
/** Where mail for an association goes: its admins' addresses. */
export const adminAddresses = (ctx: Pick<ServiceContext, "db" | "tenant">, associationId: string) => repo.adminAddresses(ctx.db, ctx.tenant.id, associationId);

/** An association's name, register number and addresses, found in the tenant (404 otherwise). */
export async function associationDetails(ctx: Pick<ServiceContext, "db" | "tenant">, id: string): Promise<AssociationIdentity> {
  const { id: found, name, registrationNumber, email, phone } = await load(ctx, id);
  return { id: found, name, registrationNumber, email, phone };
}

/** The tenant's associations' names, by id. */
export const associationNames = (ctx: Pick<ServiceContext, "db" | "tenant">, ids: readonly string[]) => repo.namesByIds(ctx.db, ctx.tenant.id, ids);

export async function identities(db: Database, tenantId: string) {
  return repo.identities(db, tenantId);
}
