import { z } from "zod";
import { audit } from "../../platform/audit/audit.js";
import { can, isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { notFound, unauthenticated } from "../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { actFor, associationDetails } from "../associations/index.js";
import * as applications from "./applications.repository.js";
import type { ApplicationProfile } from "./grants.model.js";
import { canApplyFor } from "./grants.policy.js";

export const MAX_BOARD_ROWS = 15;

const boardText = z.array(z.string().trim().max(120, "validation.tooLong")).default([]);

/** The application profile's form: the bank account, the board (name and role per row), members, activities. */
export const profileInput = z
  .object({
    bankAccount: z
      .string()
      .trim()
      .refine((v) => v === "" || /^[A-Za-z0-9 ]{8,34}$/.test(v), "grants.profile.bankAccount.invalid"),
    boardName: boardText,
    boardRole: boardText,
    memberCount: z
      .string()
      .trim()
      .refine((v) => v === "" || /^\d{1,7}$/.test(v), "validation.number")
      .transform((v) => (v === "" ? null : Number(v))),
    activities: z.string().trim().max(2000, "validation.tooLong"),
  })
  .transform((v) => ({
    bankAccount: v.bankAccount,
    memberCount: v.memberCount,
    activities: v.activities.replace(/\r\n/g, "\n"),
    board: v.boardName
      .map((name, i) => ({ name, role: v.boardRole[i] ?? "" }))
      .filter((m) => m.name || m.role)
      .slice(0, MAX_BOARD_ROWS),
  }));
export const PROFILE_LISTS = ["boardName", "boardRole"];

/** The association's facts now: its own record's name, number and e-mail, with the profile's kept facts. */
export async function currentProfile(ctx: Pick<ServiceContext, "db" | "tenant">, associationId: string): Promise<ApplicationProfile> {
  const [association, kept] = await Promise.all([associationDetails(ctx, associationId), applications.findProfile(ctx.db, ctx.tenant.id, associationId)]);
  return {
    associationId: association.id,
    name: association.name,
    registrationNumber: association.registrationNumber,
    email: association.email,
    bankAccount: kept?.bankAccount ?? "",
    board: kept?.board ?? [],
    memberCount: kept?.memberCount ?? null,
    activities: kept?.activities ?? "",
    updatedAt: kept?.updatedAt ?? null,
  };
}

/** The profile for its board. */
export async function profileFor(ctx: ServiceContext, associationId: string) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  if (!can(ctx.actor, canApplyFor, { tenantId: ctx.tenant.id, associationId })) throw notFound();
  const { association } = await actFor(ctx, canApplyFor, associationId, "association");
  return currentProfile(ctx, association.id);
}

export async function saveProfile(ctx: ServiceContext, associationId: string, input: z.output<typeof profileInput>) {
  if (!can(ctx.actor, canApplyFor, { tenantId: ctx.tenant.id, associationId })) throw notFound();
  const { association, actor } = await actFor(ctx, canApplyFor, associationId, "association");
  await inTransaction(ctx, async (tx) => {
    await applications.putProfile(tx.db, tx.tenant.id, association.id, input, actor.userId, isoNow(tx.clock));
    await audit(tx, "grants.profile_updated", { type: "association", id: association.id });
  });
}
