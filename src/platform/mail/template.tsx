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
  /** A block of already sanitised HTML (a newsletter's Markdown, see platform/markdown) and the same as plain text, after the paragraphs. */
  body?: { html: string; text: string };
  /** A line under the footer with a link, such as a newsletter's "unsubscribe". */
  footerLink?: { label: string; url: string };
  headers?: Record<string, string>;
}

export interface RenderedMail {
  subject: string;
  html: string;
  text: string;
  attachments?: MailAttachment[];
  /** Extra headers, such as a newsletter's List-Unsubscribe and List-Unsubscribe-Post. */
  headers?: Record<string, string>;
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
        {content.body && <div dangerouslySetInnerHTML={{ __html: content.body.html }} />}
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
        {content.footerLink && (
          <p style="font-size: 14px; color: #555">
            <a href={content.footerLink.url}>{content.footerLink.label}</a>
          </p>
        )}
      </body>
    </html>
  );
  const text = [
    ...content.paragraphs,
    ...(content.body ? [content.body.text] : []),
    ...(content.action ? [`${content.action.label}: ${content.action.url}`] : []),
    "--",
    t("mail.footer", { tenant: tenant.name, email: tenant.contactEmail }),
    ...(content.footerLink ? [`${content.footerLink.label}: ${content.footerLink.url}`] : []),
  ].join("\n\n");
  return {
    subject: content.subject,
    html: `<!doctype html>${html}`,
    text,
    attachments: content.attachments,
    ...(content.headers ? { headers: content.headers } : {}),
  };
}
