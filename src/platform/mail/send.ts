import type { Database } from "../../db/database.js";
import { findUserByEmail } from "../auth/auth.service.js";
import type { Clock } from "../clock.js";
import { type Lang, type T, translator } from "../i18n/i18n.js";
import type { Tenant } from "../tenants/tenants.js";
import { queueMail } from "./outbox.js";
import { recipientLanguage } from "./recipient-language.js";
import { type MailContent, renderMail } from "./template.js";

/**
 * Composes a mail in the recipient's language (see `recipientLanguage`) and queues it. The account
 * the address belongs to, if any, gives their setting; `usedLanguage` is the language they used, where
 * it is known: the page they are on when the mail is theirs to ask for.
 */
export async function sendMail(
  db: Database,
  clock: Clock,
  input: { tenant: Tenant; to: string; usedLanguage?: Lang | null; compose: (t: T, lang: Lang) => MailContent },
): Promise<string> {
  const account = await findUserByEmail(db, input.tenant.id, input.to);
  const lang = recipientLanguage({ userLanguage: account?.language, usedLanguage: input.usedLanguage, tenant: input.tenant });
  const t = translator(lang);
  return queueMail(db, clock, { tenantId: input.tenant.id, to: input.to, mail: renderMail(t, input.tenant, input.compose(t, lang)) });
}
