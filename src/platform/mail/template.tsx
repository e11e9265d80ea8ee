import type { T } from "../i18n/i18n.js";
import type { Tenant } from "../tenants/tenants.js";

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** Text as it is, or a binary file (a PDF) as base64 with `encoding` saying so. */
  content: string;
  encoding?: "base64";
}

export interface MailContent {
  subject: string;
  paragraphs: string[];
  action?: { label: string; url: string };
  attachments?: MailAttachment[];
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
}

/** One layout for every e-mail, as HTML and as plain text, in the recipient's language. */
export function renderMail(t: T, tenant: Tenant, content: MailContent): RenderedMail {
  const html = (
    <html lang={t("meta.lang")}>
      <body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1e1e1e; max-width: 600px; margin: 0 auto; padding: 16px">
        <p style="font-weight: bold">{tenant.name}</p>
        {content.paragraphs.map((p) => (
          <p>{p}</p>
        ))}
        {content.action && (
          <p>
            <a
              href={content.action.url}
              style={`background: ${tenant.colorPrimary}; color: #fff; padding: 12px 20px; border-radius: 4px; text-decoration: none; display: inline-block`}
            >
              {content.action.label}
            </a>
          </p>
        )}
        {content.action && (
          <p style="font-size: 14px">
            {t("mail.linkFallback")} <br />
            {content.action.url}
          </p>
        )}
        <hr />
        <p style="font-size: 14px; color: #555">{t("mail.footer", { tenant: tenant.name, email: tenant.contactEmail })}</p>
      </body>
    </html>
  );
  const text = [
    ...content.paragraphs,
    ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
    "--",
    t("mail.footer", { tenant: tenant.name, email: tenant.contactEmail }),
  ].join("\n\n");
  return { subject: content.subject, html: `<!doctype html>${html}`, text, attachments: content.attachments };
}
