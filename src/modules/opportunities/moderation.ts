import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { invalidField, notFound } from "../../platform/http/errors.js";
import { sendMail } from "../../platform/mail/send.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { canModerate } from "./opportunities.policy.js";
import * as repo from "./opportunities.repository.js";
import { syncSearch } from "./opportunities.service.js";

export async function moderationQueue(ctx: ServiceContext) {
  authorize(ctx.actor, canModerate, { tenantId: ctx.tenant.id });
  return repo.listByStatus(ctx.db, ctx.tenant.id, "pending");
}

/** Staff approve a posting (it goes public) or send it back with a note; the contact person hears either way. */
export async function decide(ctx: ServiceContext, id: string, decision: "approve" | "reject", note: string) {
  authorize(ctx.actor, canModerate, { tenantId: ctx.tenant.id });
  const o = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (o?.status !== "pending") throw notFound();
  if (decision === "reject" && !note) throw invalidField("note", "moderation.note.required");
  const now = isoNow(ctx.clock);
  await inTransaction(ctx, async (tx) => {
    await repo.updateOpportunity(
      tx.db,
      decision === "approve"
        ? { ...o, status: "published", publishedAt: now, reviewNote: null, updatedAt: now }
        : { ...o, status: "rejected", reviewNote: note, updatedAt: now },
    );
    await syncSearch(tx, id);
    await sendMail(tx.db, tx.clock, {
      tenant: tx.tenant,
      to: o.contactEmail,
      compose: (t) => ({
        subject: t(decision === "approve" ? "mail.posting.approved.subject" : "mail.posting.rejected.subject", { title: o.title }),
        paragraphs: [t(decision === "approve" ? "mail.posting.approved.body" : "mail.posting.rejected.body", { title: o.title }), ...(note ? [note] : [])],
        action: { label: t("mail.posting.action"), url: `${tx.baseUrl}/opportunities/${o.id}` },
      }),
    });
    await audit(tx, `opportunity.${decision === "approve" ? "approved" : "rejected"}`, { type: "opportunity", id });
  });
}
