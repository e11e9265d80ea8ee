import { audit } from "../../platform/audit/audit.js";
import { isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField } from "../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import * as records from "./case-records.repository.js";
import { bridgeRing, openCase } from "./cases.js";
import * as repo from "./cases.repository.js";
import { contactHashOf } from "./refer.js";

/** The bridge-builder takes a case nobody holds as theirs. */
export async function takeCase(ctx: ServiceContext, caseId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const c = await openCase(tx, caseId);
    if (!isPerson(tx.actor)) return;
    if (c.builderId === tx.actor.userId) return;
    if (c.builderId !== null) throw conflict("conflict", "bridge.take.held");
    await repo.updateCase(tx.db, bridgeRing(tx), { ...c, builderId: tx.actor.userId, updatedAt: isoNow(tx.clock) }, contactHashOf(c.contact));
    await audit(tx, "bridge.case_taken", { type: "bridge_case", id: c.id });
  });
}

/** The tenant's bridge-builders other than the one asking: those a case can be shared with. */
export async function colleagues(ctx: ServiceContext) {
  const me = isPerson(ctx.actor) ? ctx.actor.userId : null;
  return (await records.bridgeBuilders(ctx.db, ctx.tenant.id)).filter((b) => b.id !== me);
}

/** Shares the case with another bridge-builder of the tenant, chosen from the list. */
export async function shareCase(ctx: ServiceContext, caseId: string, userId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const c = await openCase(tx, caseId);
    const colleague = (await colleagues(tx)).find((b) => b.id === userId);
    if (!colleague) throw invalidField("userId", "bridge.share.required");
    if (c.sharedWith.includes(colleague.id) || c.builderId === colleague.id) return;
    await repo.shareCase(tx.db, tx.tenant.id, c.id, colleague.id, isoNow(tx.clock));
    await audit(tx, "bridge.case_shared", { type: "bridge_case", id: c.id }, { with: colleague.id });
  });
}
