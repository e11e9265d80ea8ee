import type { Database } from "../../db/database.js";
import type { Clock } from "../clock.js";
import { type Lang, type T, translator } from "../i18n/i18n.js";
import type { Tenant } from "../tenants/tenants.js";
import { queueMail } from "./outbox.js";
import { type MailContent, renderMail } from "./template.js";

/** Composes a mail in the recipient's language and queues it. */
export async function sendMail(db: Database, clock: Clock, input: { tenant: Tenant; to: string; lang: Lang; compose: (t: T) => MailContent }): Promise<string> {
  const t = translator(input.lang);
  return queueMail(db, clock, { tenantId: input.tenant.id, to: input.to, mail: renderMail(t, input.tenant, input.compose(t)) });
}
