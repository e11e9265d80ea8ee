import { audit } from "../../platform/audit/audit.js";
import { isoNow } from "../../platform/clock.js";
import { invalidField, notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { changedFields, waitsForApproval } from "../../platform/moderation/pending-change.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { terms } from "../taxonomy/index.js";
import { reviewPosting } from "./checklist.js";
import { type Opportunity, type OpportunityStatus, POSTING_FIELDS, postingOf } from "./opportunities.model.js";
import * as repo from "./opportunities.repository.js";
import type { OpportunityInput } from "./opportunities.schema.js";
import { postingFor, syncSearch, today } from "./opportunities.service.js";

async function checkPosting(ctx: ServiceContext, posting: OpportunityInput) {
  const categories = await terms(ctx.db, ctx.tenant, "category", ctx.lang);
  const category = categories.find((c) => c.id === posting.categoryId);
  if (!category) throw invalidField("categoryId", "opportunity.category.required");
  if ((posting.expiresOn as string) <= today(ctx)) throw invalidField("expiresOn", "opportunity.expiresOn.past");
  return category;
}

/** The posting as volunteers will see it, and what the checklist says, without saving anything. */
export async function preview(ctx: ServiceContext, input: { associationId: string; id: string | null; posting: OpportunityInput }) {
  const { association } = await postingFor(ctx, input.associationId, "associationId");
  const category = await checkPosting(ctx, input.posting);
  const now = isoNow(ctx.clock);
  const o: Opportunity = {
    ...postingOf(input.posting),
    id: input.id ?? "",
    tenantId: ctx.tenant.id,
    associationId: input.associationId,
    associationName: association.name,
    status: "draft",
    reviewNote: null,
    createdAt: now,
    updatedAt: now,
    publishedAt: null,
    renewalRemindedAt: null,
  };
  return { o, category: category.label, review: reviewPosting(input.posting) };
}

/** The failure of a posting sent on while the checklist finds it not ready; the form shows the checklist again. */
export const notReady = () => invalidField("checklist", "checklist.required");

/**
 * Saves a draft, or sends it on: for approval by staff (pre-moderation) or straight to the public
 * (post-moderation). A posting the checklist finds not ready is not sent, and nothing is written.
 * A change to a published job under pre-moderation waits beside it, and the published version stays
 * public (and findable) until staff approve the change; `waits` says so.
 */
export async function save(
  ctx: ServiceContext,
  input: { associationId: string; id: string | null; posting: OpportunityInput; submit: boolean },
): Promise<{ id: string; status: OpportunityStatus; waits: boolean }> {
  await postingFor(ctx, input.associationId, "associationId");
  await checkPosting(ctx, input.posting);
  const existing = input.id ? await repo.findById(ctx.db, ctx.tenant.id, input.id) : undefined;
  if (input.id && (!existing || existing.associationId !== input.associationId)) throw notFound();
  // Sent on (not saved as a draft, which takes the job down on purpose), a change to a published job waits beside it.
  const waits = Boolean(existing && input.submit && waitsForApproval(ctx.tenant.moderation, existing.status === "published"));
  if (input.submit && !reviewPosting(input.posting).ready) throw notReady();

  const now = isoNow(ctx.clock);
  if (existing && waits) {
    const posting = postingOf(input.posting);
    await inTransaction(ctx, async (tx) => {
      await repo.setPendingChange(tx.db, tx.tenant.id, existing.id, { content: posting, since: now });
      await audit(
        tx,
        "opportunity.change_submitted",
        { type: "opportunity", id: existing.id },
        { fields: changedFields(existing, posting, POSTING_FIELDS).join(",") },
      );
    });
    return { id: existing.id, status: existing.status, waits: true };
  }
  const status: OpportunityStatus = input.submit ? (ctx.tenant.moderation === "post" ? "published" : "pending") : "draft";
  const changed = {
    ...postingOf(input.posting),
    status,
    reviewNote: null,
    updatedAt: now,
    publishedAt: status === "published" ? now : null,
    renewalRemindedAt: null,
  };
  const id = input.id ?? newId();
  await inTransaction(ctx, async (tx) => {
    if (existing) {
      await repo.updateOpportunity(tx.db, { ...existing, ...changed });
      await repo.setPendingChange(tx.db, tx.tenant.id, id, null);
    } else {
      await repo.insertOpportunity(tx.db, { ...changed, id, tenantId: tx.tenant.id, associationId: input.associationId, createdAt: now });
    }
    await syncSearch(tx, id);
    await audit(tx, `opportunity.${status === "draft" ? "saved" : "submitted"}`, { type: "opportunity", id });
  });
  return { id, status, waits: false };
}
