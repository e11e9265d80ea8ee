import type { Database } from "../../db/database.js";
import type { T } from "../i18n/i18n.js";
import { sendMail } from "../mail/send.js";
import type { ServiceContext } from "../service-context.js";
import { issueToken } from "./email-tokens.js";

/**
 * Sends an invitation: a one-time token carrying what accepting it grants, mailed as a link to
 * /invitations/accept. The people module accepts it.
 */
export async function sendInvitation(
  db: Database,
  ctx: ServiceContext,
  input: { email: string; data: Record<string, string>; compose: (t: T) => { subject: string; body: string } },
): Promise<void> {
  const token = await issueToken(db, ctx.clock, { tenantId: ctx.tenant.id, purpose: "invite", email: input.email, userId: null, data: input.data });
  await sendMail(db, ctx.clock, {
    tenant: ctx.tenant,
    to: input.email,
    compose: (t) => {
      const { subject, body } = input.compose(t);
      return {
        subject,
        paragraphs: [body],
        action: { label: t("mail.invite.action"), url: `${ctx.baseUrl}/invitations/accept?token=${encodeURIComponent(token)}` },
      };
    },
  });
}
