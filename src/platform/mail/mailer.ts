import nodemailer, { type Transporter } from "nodemailer";
import type { Config } from "../../config.js";

export interface Mailer {
  /** null when no SMTP server is configured: mail stays in the dev mailbox. */
  transport: Transporter | null;
  from: string;
}

export function createMailer(config: Pick<Config, "SMTP_URL" | "MAIL_FROM">): Mailer {
  return { transport: config.SMTP_URL ? nodemailer.createTransport(config.SMTP_URL) : null, from: config.MAIL_FROM };
}
