import type { Database } from "../../db/database.js";
import { logAccess } from "../../platform/audit/access.js";
import { auditEntry } from "../../platform/audit/audit.js";
import { consumeToken, peekToken } from "../../platform/auth/email-tokens.js";
import { sendInvitation } from "../../platform/auth/invitations.js";
import { authorize, isPerson, type StaffRole } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { addMember } from "../associations/index.js";
import { canGrantRole, canManagePeople } from "./people.policy.js";
import * as repo from "./people.repository.js";
import type { PeopleQuery } from "./people.schema.js";

export const staffRoleLabels = { staff: "role.staff", caseworker: "role.caseworker", tenant_admin: "role.tenant_admin" } as const;

/** People by name and e-mail, a page of them or all as CSV; who was shown is in the access log. */
export async function list(ctx: ServiceContext, query: PeopleQuery, via: "page" | "csv") {
  authorize(ctx.actor, canManagePeople, { tenantId: ctx.tenant.id });
  const result = await repo.list(ctx.db, ctx.tenant.id, query, via === "csv");
  await logAccess(
    ctx,
    via === "page" ? "people.listed" : "people.exported",
    "user",
    result.rows.map((r) => r.id),
  );
  return result;
}

async function find(ctx: ServiceContext, id: string) {
  authorize(ctx.actor, canManagePeople, { tenantId: ctx.tenant.id });
  const person = await repo.findPerson(ctx.db, ctx.tenant.id, id);
  if (!person) throw notFound();
  return person;
}

export async function get(ctx: ServiceContext, id: string) {
  const person = await find(ctx, id);
  await logAccess(ctx, "person.viewed", "user", [person.id]);
  return person;
}

export async function invite(ctx: ServiceContext, input: { email: string; role: StaffRole }) {
  authorize(ctx.actor, canGrantRole, { tenantId: ctx.tenant.id, role: input.role });
  const actor = ctx.actor;
  await ctx.db.transaction().execute(async (trx) => {
    await sendInvitation(trx, ctx, {
      email: input.email,
      data: { kind: "role", role: input.role },
      compose: (t) => ({
        subject: t("mail.inviteRole.subject", { tenant: ctx.tenant.name }),
        body: t("mail.inviteRole.body", { inviter: actor.name, tenant: ctx.tenant.name, role: t(staffRoleLabels[input.role]) }),
      }),
    });
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "role.invited",
      entityType: "invitation",
      entityId: null,
      ip: ctx.ip,
      details: { role: input.role },
    });
  });
}

async function grant(db: Database, ctx: ServiceContext, userId: string, role: StaffRole, grantedBy: string | null) {
  await db
    .insertInto("user_roles")
    .values({ tenant_id: ctx.tenant.id, user_id: userId, role, granted_by: grantedBy, created_at: isoNow(ctx.clock) })
    .onConflict((oc) => oc.columns(["tenant_id", "user_id", "role"]).doNothing())
    .execute();
}

export async function changeRole(ctx: ServiceContext, userId: string, change: { role: StaffRole; action: "grant" | "revoke" }) {
  authorize(ctx.actor, canGrantRole, { tenantId: ctx.tenant.id, role: change.role });
  const actor = ctx.actor;
  await find(ctx, userId);
  await ctx.db.transaction().execute(async (trx) => {
    if (change.action === "grant") {
      await grant(trx, ctx, userId, change.role, actor.userId);
    } else {
      if (change.role === "tenant_admin") {
        const admins = await trx.selectFrom("user_roles").select("user_id").where("tenant_id", "=", ctx.tenant.id).where("role", "=", "tenant_admin").execute();
        if (admins.length <= 1 && admins[0]?.user_id === userId) throw new AppError(409, "last_admin", "people.lastAdmin");
      }
      await trx.deleteFrom("user_roles").where("tenant_id", "=", ctx.tenant.id).where("user_id", "=", userId).where("role", "=", change.role).execute();
    }
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: change.action === "grant" ? "role.granted" : "role.revoked",
      entityType: "user",
      entityId: userId,
      ip: ctx.ip,
      details: { role: change.role },
    });
  });
}

export type Invitation =
  | { email: string; kind: "role"; role: StaffRole }
  | { email: string; kind: "association"; role: "member" | "admin"; associationId: string };

export async function readInvitation(ctx: ServiceContext, token: string): Promise<Invitation | null> {
  const found = await peekToken(ctx.db, ctx.clock, ctx.tenant.id, "invite", token);
  if (!found) return null;
  return { email: found.email, ...found.data } as Invitation;
}

/** Accepts an invitation for the signed-in person, whose e-mail must be the invited one. */
export async function acceptInvitation(ctx: ServiceContext, token: string): Promise<string> {
  const actor = ctx.actor;
  if (!isPerson(actor)) throw new AppError(401, "unauthenticated", "error.signInRequired");
  const invitation = await readInvitation(ctx, token);
  if (!invitation) throw new AppError(400, "invalid_link", "error.linkInvalid");
  if (invitation.email !== actor.email) throw new AppError(403, "wrong_account", "invitation.wrongAccount");
  return ctx.db.transaction().execute(async (trx) => {
    const inner = { ...ctx, db: trx };
    if (!(await consumeToken(trx, ctx.clock, ctx.tenant.id, "invite", token))) throw new AppError(400, "invalid_link", "error.linkInvalid");
    if (invitation.kind === "association") {
      const a = await addMember(trx, inner, { associationId: invitation.associationId, userId: actor.userId, role: invitation.role });
      return `/associations/${a.id}`;
    }
    await grant(trx, inner, actor.userId, invitation.role, null);
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "role.accepted",
      entityType: "user",
      entityId: actor.userId,
      ip: ctx.ip,
      details: { role: invitation.role },
    });
    return "/?notice=saved";
  });
}
