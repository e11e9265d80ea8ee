import { audit } from "../../platform/audit/audit.js";
import { deleteMails } from "../../platform/mail/outbox.repository.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { openCase } from "./cases.js";
import * as repo from "./cases.repository.js";

/**
 * Deletes the whole case at once, not hides it: the case, and with it its notes, shares, picks,
 * referrals, follow-ups and mail links, and the mails it names in the outbox, sent or not.
 */
export async function deleteCaseEverywhere(tx: ServiceContext, caseId: string): Promise<void> {
  const mails = await repo.mailsOf(tx.db, tx.tenant.id, caseId);
  await repo.deleteCase(tx.db, tx.tenant.id, caseId);
  await deleteMails(tx.db, tx.tenant.id, mails);
}

/** The person withdraws their consent: the case goes at once. The audit row keeps only that it happened. */
export async function withdrawConsent(ctx: ServiceContext, caseId: string): Promise<void> {
  await inTransaction(ctx, async (tx) => {
    const c = await openCase(tx, caseId);
    await deleteCaseEverywhere(tx, c.id);
    await audit(tx, "bridge.consent_withdrawn", { type: "bridge_case", id: c.id });
  });
}
