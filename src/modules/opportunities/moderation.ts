import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { invalidField, notFound } from "../../platform/http/errors.js";
import { mailDecision } from "../../platform/moderation/decision-mail.js";
import { changedFields } from "../../platform/moderation/pending-change.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { terms } from "../taxonomy/index.js";
import { reviewPosting } from "./checklist.js";
import { type Opportunity, POSTING_FIELDS, type Posting } from "./opportunities.model.js";
import { canManageOpportunities, canModerate } from "./opportunities.policy.js";
import * as repo from "./opportunities.repository.js";
import type { OpportunityInput } from "./opportunities.schema.js";
import { syncSearch } from "./opportunities.service.js";

/** The checklist's result for a posting as stored (the form's empty place is no place). */
export const checklistOf = (p: Posting) =>
  reviewPosting({ ...p, place: p.place ?? "", languages: p.languages as OpportunityInput["languages"], suits: p.suits as OpportunityInput["suits"] });

/** New postings and changes to published ones, each with its checklist result, and the categories to name them by. */
export async function moderationQueue(ctx: ServiceContext) {
  authorize(ctx.actor, canModerate, { tenantId: ctx.tenant.id });
  const [rows, categories] = await Promise.all([repo.listForModeration(ctx.db, ctx.tenant.id), terms(ctx.db, ctx.tenant, "category", ctx.lang)]);
  return { rows: rows.map((r) => ({ ...r, checklist: checklistOf(r.change?.content ?? r.o) })), categories };
}

/** The job for its edit form, with the change that waits beside it (the form then shows the change). */
export async function getForEditWithChange(ctx: ServiceContext, id: string): Promise<{ o: Opportunity; change: ReturnType<typeof repo.toPostingChange> }> {
  const found = await repo.findWithChange(ctx.db, ctx.tenant.id, id);
  if (!found) throw notFound();
  authorize(ctx.actor, canManageOpportunities, { tenantId: found.o.tenantId, associationId: found.o.associationId });
  return found;
}

/** The association takes back a change that waits; the published job stays as it is. */
export async function withdrawChange(ctx: ServiceContext, id: string): Promise<void> {
  const { change } = await getForEditWithChange(ctx, id);
  if (!change) throw notFound();
  await inTransaction(ctx, async (tx) => {
    await repo.setPendingChange(tx.db, tx.tenant.id, id, null);
    await audit(tx, "opportunity.change_withdrawn", { type: "opportunity", id });
  });
}

/**
 * Staff approve a posting (it goes public) or send it back with a note; for a change to a published job,
 * approval puts the change in its place (and in search), rejection keeps the published version. The
 * contact person hears either way. Returns whether it was a change.
 */
export async function decide(ctx: ServiceContext, id: string, decision: "approve" | "reject", note: string): Promise<{ change: boolean }> {
  authorize(ctx.actor, canModerate, { tenantId: ctx.tenant.id });
  const found = await repo.findWithChange(ctx.db, ctx.tenant.id, id);
  if (!found || (found.o.status !== "pending" && !found.change)) throw notFound();
  if (decision === "reject" && !note) throw invalidField("note", "moderation.note.required");
  const { o, change } = found;
  const now = isoNow(ctx.clock);
  await inTransaction(ctx, async (tx) => {
    if (change) {
      if (decision === "approve") await repo.updateOpportunity(tx.db, { ...o, ...change.content, updatedAt: now, renewalRemindedAt: null });
      await repo.setPendingChange(tx.db, tx.tenant.id, id, null);
      await audit(
        tx,
        `opportunity.change_${decision === "approve" ? "approved" : "rejected"}`,
        { type: "opportunity", id },
        {
          fields: changedFields(o, change.content, POSTING_FIELDS).join(","),
        },
      );
    } else {
      await repo.updateOpportunity(
        tx.db,
        decision === "approve"
          ? { ...o, status: "published", publishedAt: now, reviewNote: null, updatedAt: now }
          : { ...o, status: "rejected", reviewNote: note, updatedAt: now },
      );
      await audit(tx, `opportunity.${decision === "approve" ? "approved" : "rejected"}`, { type: "opportunity", id });
    }
    await syncSearch(tx, id);
    const shown = change && decision === "approve" ? change.content : o;
    await mailDecision(tx, {
      decision,
      change: Boolean(change),
      note,
      to: (change?.content ?? o).contactEmail,
      title: shown.title,
      path: `/opportunities/${id}`,
      posting: true,
    });
  });
  return { change: Boolean(change) };
}
