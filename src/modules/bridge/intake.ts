import { audit } from "../../platform/audit/audit.js";
import { isPerson } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict } from "../../platform/http/errors.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { terms } from "../taxonomy/index.js";
import type { BridgeCase } from "./bridge.model.js";
import { bridgeRing, openCase } from "./cases.js";
import * as repo from "./cases.repository.js";
import type { IntakeInput } from "./cases.schema.js";
import { contactHashOf } from "./refer.js";

/** The taxonomy's categories, as the volunteer profile offers them, so matching reads the intake as a profile. */
export const intakeCategories = (ctx: ServiceContext) => terms(ctx.db, ctx.tenant, "category", ctx.lang);

/** Whether the person agreed that something may be shared with the association: then the intake asks what. */
export const mayShare = (c: BridgeCase) => c.consent?.purposes.includes("share_with_association") ?? false;

/**
 * The intake conversation, written down: wishes, interests, resources, what makes it hard, notes and
 * the times that suit, and what of it the association may be told. Only with consent; the first save takes the case for the bridge-builder who held
 * the conversation when nobody held it, and moves it on to choosing.
 */
export async function saveIntake(ctx: ServiceContext, caseId: string, input: IntakeInput): Promise<BridgeCase> {
  return inTransaction(ctx, async (tx) => {
    const c = await openCase(tx, caseId);
    if (!c.consent) throw conflict("conflict", "bridge.intake.needsConsent");
    const categories = new Set((await intakeCategories(tx)).map((term) => term.code));
    const now = isoNow(tx.clock);
    const next: BridgeCase = {
      ...c,
      wishes: input.wishes,
      interests: input.interests.filter((code) => categories.has(code)),
      resources: input.resources,
      needs: input.needs,
      notes: input.notes,
      slots: input.slots,
      postcode: input.postcode,
      languages: input.languages,
      shareFields: mayShare(c) ? input.shareFields : [],
      intakeAt: c.intakeAt ?? now,
      builderId: c.builderId ?? (isPerson(tx.actor) ? tx.actor.userId : null),
      status: c.status === "intake" ? "choosing" : c.status,
      updatedAt: now,
    };
    await repo.updateCase(tx.db, bridgeRing(tx), next, contactHashOf(next.contact));
    await audit(tx, "bridge.intake_saved", { type: "bridge_case", id: c.id });
    return next;
  });
}
