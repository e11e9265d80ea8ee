import { logAccess } from "../../platform/audit/access.js";
import { audit } from "../../platform/audit/audit.js";
import { consumeToken, peekToken } from "../../platform/auth/email-tokens.js";
import { sendInvitation } from "../../platform/auth/invitations.js";
import { authorize, can, isPerson, STAFF_ROLES, type StaffRole } from "../../platform/auth/policy.js";
import * as users from "../../platform/auth/users.repository.js";
import { isoNow } from "../../platform/clock.js";
import { AppError, conflict, notFound, unauthenticated } from "../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { addMember } from "../associations/index.js";
import { staffRoleLabels } from "./people.labels.js";
import type { Invitation, PersonRecord } from "./people.model.js";
import { canGrantRole, canManagePeople } from "./people.policy.js";
import * as repo from "./people.repository.js";
import type { PeopleQuery } from "./people.schema.js";

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

/** The staff roles the signed-in person may give (and take back). */
export function grantableRoles(ctx: ServiceContext): StaffRole[] {
  return STAFF_ROLES.filter((role) => can(ctx.actor, canGrantRole, { tenantId: ctx.tenant.id, role }));
}

async function find(ctx: ServiceContext, id: string): Promise<PersonRecord> {
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
  await inTransaction(ctx, async (tx) => {
    await sendInvitation(tx.db, tx, {
      email: input.email,
      data: { kind: "role", role: input.role },
      compose: (t) => ({
        subject: t("mail.inviteRole.subject", { tenant: ctx.tenant.name }),
        body: t("mail.inviteRole.body", { inviter: actor.name, tenant: ctx.tenant.name, role: t(staffRoleLabels[input.role]) }),
      }),
    });
    await audit(tx, "role.invited", { type: "invitation", id: null }, { role: input.role });
  });
}

export async function changeRole(ctx: ServiceContext, userId: string, change: { role: StaffRole; action: "grant" | "revoke" }) {
  authorize(ctx.actor, canGrantRole, { tenantId: ctx.tenant.id, role: change.role });
  const actor = ctx.actor;
  await find(ctx, userId);
  await inTransaction(ctx, async (tx) => {
    if (change.action === "grant") {
      await users.grantStaffRole(tx.db, ctx.tenant.id, userId, change.role, actor.userId, isoNow(ctx.clock));
    } else {
      if (change.role === "tenant_admin") {
        const admins = await repo.holdersOf(tx.db, ctx.tenant.id, "tenant_admin");
        if (admins.length <= 1 && admins[0] === userId) throw conflict("last_admin", "people.lastAdmin");
      }
      await users.revokeStaffRole(tx.db, ctx.tenant.id, userId, change.role);
    }
    await audit(tx, change.action === "grant" ? "role.granted" : "role.revoked", { type: "user", id: userId }, { role: change.role });
  });
}

export async function readInvitation(ctx: ServiceContext, token: string): Promise<Invitation | null> {
  const found = await peekToken(ctx.db, ctx.clock, ctx.tenant.id, "invite", token);
  if (!found) return null;
  return { email: found.email, ...found.data } as Invitation;
}

/** Accepts an invitation for the signed-in person, whose e-mail must be the invited one. */
export async function acceptInvitation(ctx: ServiceContext, token: string): Promise<string> {
  const actor = ctx.actor;
  if (!isPerson(actor)) throw unauthenticated();
  const invitation = await readInvitation(ctx, token);
  if (!invitation) throw new AppError(400, "invalid_link", "error.linkInvalid");
  if (invitation.email !== actor.email) throw new AppError(403, "wrong_account", "invitation.wrongAccount");
  return inTransaction(ctx, async (tx) => {
    if (!(await consumeToken(tx.db, ctx.clock, ctx.tenant.id, "invite", token))) throw new AppError(400, "invalid_link", "error.linkInvalid");
    if (invitation.kind === "association") {
      const a = await addMember(tx.db, tx, { associationId: invitation.associationId, userId: actor.userId, role: invitation.role });
      return `/associations/${a.id}`;
    }
    await users.grantStaffRole(tx.db, ctx.tenant.id, actor.userId, invitation.role, null, isoNow(ctx.clock));
    await audit(tx, "role.accepted", { type: "user", id: actor.userId }, { role: invitation.role });
    return "/?notice=roleAccepted";
  });
}
