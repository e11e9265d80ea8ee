import { formats } from "../i18n/format.js";
import type { Lang, MessageKey } from "../i18n/i18n.js";
import type { ServiceContext } from "../service-context.js";
import { sendMail } from "./send.js";

/** A mail made of message keys: its subject, its paragraphs and its button, filled with the same values. */
export interface MailTemplate {
  subject: MessageKey;
  paragraphs: [MessageKey, ...MessageKey[]];
  action: MessageKey;
}

/**
 * Queues a mail from a template to one person, in their language, its button leading to `link`, a
 * path on the tenant's own address. `list` holds lines that need no translating (titles and their
 * addresses); they follow the first paragraph. `dates` are calendar days ("2026-12-01") written as the
 * recipient reads them ("1. december 2026"), in their language.
 */
export async function sendTemplateMail(
  ctx: Pick<ServiceContext, "db" | "clock" | "tenant" | "baseUrl">,
  input: {
    to: string;
    usedLanguage?: Lang | null;
    template: MailTemplate;
    values: Record<string, string | number>;
    dates?: Record<string, string>;
    link: string;
    list?: string[];
  },
): Promise<string> {
  const { template } = input;
  const [first, ...rest] = template.paragraphs;
  return sendMail(ctx.db, ctx.clock, {
    tenant: ctx.tenant,
    to: input.to,
    usedLanguage: input.usedLanguage,
    compose: (t, lang) => {
      const fmt = formats(lang, ctx.tenant.timeZone);
      const values = { ...input.values, ...Object.fromEntries(Object.entries(input.dates ?? {}).map(([k, v]) => [k, fmt.date(v)])) };
      return {
        subject: t(template.subject, values),
        paragraphs: [t(first, values), ...(input.list ?? []), ...rest.map((key) => t(key, values))],
        action: { label: t(template.action, values), url: `${ctx.baseUrl}${input.link}` },
      };
    },
  });
}
