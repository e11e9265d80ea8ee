import { logAccess } from "../../platform/audit/access.js";
import { can, isPerson } from "../../platform/auth/policy.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import { notFound, unauthenticated } from "../../platform/http/errors.js";
import type { ServiceContext } from "../../platform/service-context.js";
import type { BridgeCase } from "./bridge.model.js";
import { canSeeCase } from "./bridge.policy.js";
import * as repo from "./cases.repository.js";

export const bridgeRing = (ctx: Pick<ServiceContext, "config">) => dataKeyring(ctx.config);

/**
 * The one way into a case for a bridge-builder: found inside the tenant, shown only to those the
 * policy lets see it, and every read written to the access log. Anyone else, another tenant's id
 * and an id nobody has all get the same 404, so a case's existence never leaks. Someone not signed
 * in is asked to sign in before anything is looked up (the mails link here), whatever the id.
 */
export async function openCase(ctx: ServiceContext, id: string, action = "bridge.case.read"): Promise<BridgeCase> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const found = await repo.findCase(ctx.db, bridgeRing(ctx), ctx.tenant.id, id);
  if (!found || !can(ctx.actor, canSeeCase, found)) throw notFound();
  await logAccess(ctx, action, "bridge_case", [found.id]);
  return found;
}

/** Remembers a mail sent about a case (its id from `sendMail`), so the case's deletion removes it from the outbox. */
export const noteCaseMail = (ctx: ServiceContext, caseId: string, mailId: string) => repo.noteMail(ctx.db, ctx.tenant.id, caseId, mailId);
