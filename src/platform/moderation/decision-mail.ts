import type { MessageKey } from "../i18n/i18n.js";
import { sendMail } from "../mail/send.js";
import type { ServiceContext } from "../service-context.js";

/** A decision the editor hears about: a new page approved or sent back, or a change to a public page approved or rejected. */
export type Decision = { decision: "approve" | "reject"; change: boolean; note: string };

type Texts = Record<Decision["decision"], { subject: MessageKey; body: MessageKey }>;

const KEYS: Record<"new" | "newPosting" | "change", Texts> = {
  newPosting: {
    approve: { subject: "mail.posting.approved.subject", body: "mail.posting.approved.body" },
    reject: { subject: "mail.posting.rejected.subject", body: "mail.posting.rejected.body" },
  },
  new: {
    approve: { subject: "mail.page.approved.subject", body: "mail.page.approved.body" },
    reject: { subject: "mail.page.rejected.subject", body: "mail.page.rejected.body" },
  },
  change: {
    approve: { subject: "mail.change.approved.subject", body: "mail.change.approved.body" },
    reject: { subject: "mail.change.rejected.subject", body: "mail.change.rejected.body" },
  },
};

/** Tells the editor what staff decided, and why when they said no. Call inside the deciding transaction. */
export async function mailDecision(tx: ServiceContext, input: Decision & { to: string; title: string; path: string; posting?: boolean }): Promise<void> {
  const keys = KEYS[input.change ? "change" : input.posting ? "newPosting" : "new"][input.decision];
  await sendMail(tx.db, tx.clock, {
    tenant: tx.tenant,
    to: input.to,
    compose: (t) => ({
      subject: t(keys.subject, { title: input.title }),
      paragraphs: [t(keys.body, { title: input.title }), ...(input.note ? [input.note] : [])],
      action: { label: t(input.posting ? "mail.posting.action" : "mail.page.action"), url: `${tx.baseUrl}${input.path}` },
    }),
  });
}
