import type { Database } from "../../db/database.js";
import { auditEntry } from "../../platform/audit/audit.js";
import { sendInvitation } from "../../platform/auth/invitations.js";
import { authorize, type Person, type Rule } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { type Named, requireFound } from "../../platform/http/references.js";
import { newId } from "../../platform/ids.js";
import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canCreateAssociation, canEditAssociation, canListAllAssociations, canManageMembers, canViewAssociation } from "./associations.policy.js";
import * as repo from "./associations.repository.js";
import type { AssociationInput, ListQuery } from "./associations.schema.js";

export type Association = NonNullable<Awaited<ReturnType<typeof repo.findById>>>;

async function load(ctx: ServiceContext, id: string) {
  const row = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (!row) throw notFound();
  return row;
}

export type AssociationRef = Awaited<ReturnType<typeof repo.findMany>>[number];

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
  authorize(ctx.actor, rule, { tenantId: association.tenant_id, associationId: association.id });
  return { association, actor: ctx.actor };
}

export async function get(ctx: ServiceContext, id: string) {
  const a = await load(ctx, id);
  authorize(ctx.actor, canViewAssociation, { tenantId: a.tenant_id, id: a.id });
  return a;
}

export async function getForEdit(ctx: ServiceContext, id: string) {
  const a = await load(ctx, id);
  authorize(ctx.actor, canEditAssociation, { tenantId: a.tenant_id, id: a.id });
  return a;
}

/** Staff see every association; everyone else sees the ones they belong to. */
export async function list(ctx: ServiceContext, query: ListQuery, options: { all?: boolean } = {}) {
  authorize(ctx.actor, canCreateAssociation, { tenantId: ctx.tenant.id });
  const everything = canListAllAssociations(ctx.actor, { tenantId: ctx.tenant.id });
  return repo.list(ctx.db, ctx.tenant.id, query, { memberId: everything ? undefined : ctx.actor.userId, all: options.all });
}

export const isStaffView = (ctx: ServiceContext) => ctx.actor.kind === "person" && canListAllAssociations(ctx.actor, { tenantId: ctx.tenant.id });

async function insert(db: Database, ctx: ServiceContext, input: AssociationInput, by: { actorId: string | null; adminId: string | null; via?: string }) {
  const id = newId();
  const now = isoNow(ctx.clock);
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto("associations")
      .values({
        id,
        tenant_id: ctx.tenant.id,
        name: input.name,
        registration_number: input.registrationNumber,
        email: input.email,
        phone: input.phone,
        created_at: now,
        updated_at: now,
      })
      .execute();
    if (by.adminId) {
      await trx
        .insertInto("association_members")
        .values({ tenant_id: ctx.tenant.id, association_id: id, user_id: by.adminId, role: "admin", created_at: now })
        .execute();
    }
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: by.actorId,
      action: "association.created",
      entityType: "association",
      entityId: id,
      ip: ctx.ip,
      details: by.via ? { via: by.via } : undefined,
    });
  });
  return id;
}

/** A citizen who registers an association becomes its admin; staff register on an association's behalf. */
export async function create(ctx: ServiceContext, input: AssociationInput): Promise<string> {
  authorize(ctx.actor, canCreateAssociation, { tenantId: ctx.tenant.id });
  const staff = canListAllAssociations(ctx.actor, { tenantId: ctx.tenant.id });
  return insert(ctx.db, ctx, input, { actorId: ctx.actor.userId, adminId: staff ? null : ctx.actor.userId });
}

/** For an integration holding an API token; the token's scope was checked by the API layer. */
export async function createViaApi(ctx: ServiceContext, input: AssociationInput, tokenId: string): Promise<Association> {
  const id = await insert(ctx.db, ctx, input, { actorId: null, adminId: null, via: `api_token:${tokenId}` });
  return (await repo.findById(ctx.db, ctx.tenant.id, id)) as Association;
}

export const findForApi = (ctx: ServiceContext, id: string) => repo.findById(ctx.db, ctx.tenant.id, id);
export const listForApi = (ctx: ServiceContext, query: ListQuery) => repo.list(ctx.db, ctx.tenant.id, query, {});

export async function update(ctx: ServiceContext, id: string, input: AssociationInput): Promise<void> {
  await getForEdit(ctx, id);
  const actor = ctx.actor as Person;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("associations")
      .set({ name: input.name, registration_number: input.registrationNumber, email: input.email, phone: input.phone, updated_at: isoNow(ctx.clock) })
      .where("tenant_id", "=", ctx.tenant.id)
      .where("id", "=", id)
      .execute();
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "association.updated",
      entityType: "association",
      entityId: id,
      ip: ctx.ip,
    });
  });
}

export async function members(ctx: ServiceContext, id: string) {
  await get(ctx, id);
  return repo.members(ctx.db, ctx.tenant.id, id);
}

export async function inviteMember(ctx: ServiceContext, id: string, input: { email: string; role: "member" | "admin" }): Promise<void> {
  const a = await load(ctx, id);
  authorize(ctx.actor, canManageMembers, { tenantId: a.tenant_id, id: a.id });
  const actor = ctx.actor;
  await ctx.db.transaction().execute(async (trx) => {
    await sendInvitation(trx, ctx, {
      email: input.email,
      data: { kind: "association", associationId: id, role: input.role },
      compose: (t) => ({
        subject: t("mail.inviteAssociation.subject", { association: a.name }),
        body: t("mail.inviteAssociation.body", { inviter: actor.name, association: a.name, tenant: ctx.tenant.name }),
      }),
    });
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "association.member_invited",
      entityType: "association",
      entityId: id,
      ip: ctx.ip,
      details: { role: input.role },
    });
  });
}

/** Called when a person accepts an invitation to an association. */
export async function addMember(db: Database, ctx: ServiceContext, input: { associationId: string; userId: string; role: "member" | "admin" }) {
  const a = await repo.findById(db, ctx.tenant.id, input.associationId);
  if (!a) throw notFound();
  await db
    .insertInto("association_members")
    .values({ tenant_id: ctx.tenant.id, association_id: a.id, user_id: input.userId, role: input.role, created_at: isoNow(ctx.clock) })
    .onConflict((oc) => oc.columns(["association_id", "user_id"]).doUpdateSet({ role: input.role }))
    .execute();
  await auditEntry(db, ctx.clock, {
    tenantId: ctx.tenant.id,
    actorId: input.userId,
    action: "association.member_joined",
    entityType: "association",
    entityId: a.id,
    ip: ctx.ip,
    details: { role: input.role },
  });
  return a;
}

async function adminCount(db: Database, tenantId: string, associationId: string) {
  const r = await db
    .selectFrom("association_members")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("association_id", "=", associationId)
    .where("role", "=", "admin")
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Changes a member's role or removes them; an association always keeps one admin. */
export async function changeMember(ctx: ServiceContext, id: string, userId: string, change: { role: "member" | "admin" } | "remove"): Promise<void> {
  const a = await load(ctx, id);
  authorize(ctx.actor, canManageMembers, { tenantId: a.tenant_id, id: a.id });
  const actor = ctx.actor;
  await ctx.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom("association_members")
      .select("role")
      .where("tenant_id", "=", ctx.tenant.id)
      .where("association_id", "=", id)
      .where("user_id", "=", userId)
      .executeTakeFirst();
    if (!current) throw notFound();
    const losesAdmin = current.role === "admin" && (change === "remove" || change.role !== "admin");
    if (losesAdmin && (await adminCount(trx, ctx.tenant.id, id)) <= 1) throw new AppError(409, "last_admin", "association.lastAdmin");
    if (change === "remove") {
      await trx
        .deleteFrom("association_members")
        .where("tenant_id", "=", ctx.tenant.id)
        .where("association_id", "=", id)
        .where("user_id", "=", userId)
        .execute();
    } else {
      await trx
        .updateTable("association_members")
        .set({ role: change.role })
        .where("tenant_id", "=", ctx.tenant.id)
        .where("association_id", "=", id)
        .where("user_id", "=", userId)
        .execute();
    }
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: change === "remove" ? "association.member_removed" : "association.member_role_changed",
      entityType: "user",
      entityId: userId,
      ip: ctx.ip,
      details: { association: id, ...(change === "remove" ? {} : { role: change.role }) },
    });
  });
}

export async function namesForMember(db: Database, tenantId: string, userId: string) {
  return repo.namesForMember(db, tenantId, userId);
}

export const personalData: PersonalDataSource = {
  columns: ["association_members.user_id"],
  async read(db, _ring, subject) {
    return { association_memberships: subject.userId ? await repo.membershipsOf(db, subject.tenantId, subject.userId) : [] };
  },
  async erase(trx, subject) {
    if (subject.userId) await repo.removeMember(trx, subject.tenantId, subject.userId);
  },
};

/** Associations as open data. */
export async function publicRecords(ctx: ServiceContext, filter: Parameters<typeof repo.listPublicRecords>[2]) {
  return repo.listPublicRecords(ctx.db, ctx.tenant.id, filter);
}

/** Every association of the tenant by name, register number and e-mail, for imports and mail that refer to them. */
export async function identities(db: Database, tenantId: string) {
  return db.selectFrom("associations").select(["id", "name", "registration_number", "email"]).where("tenant_id", "=", tenantId).execute();
}
