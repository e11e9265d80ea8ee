import { createRequire } from "node:module";
import type { Transporter } from "nodemailer";
import type { Config } from "../../config.js";

export interface Mailer {
  /** null when no SMTP server is configured: mail stays in the dev mailbox. */
  transport: Transporter | null;
  from: string;
}

// nodemailer is loaded only when there is an SMTP server to talk to: it is a large part of a start.
const require = createRequire(import.meta.url);

export function createMailer(config: Pick<Config, "SMTP_URL" | "MAIL_FROM">): Mailer {
  const nodemailer = config.SMTP_URL ? (require("nodemailer") as typeof import("nodemailer")) : null;
  return { transport: config.SMTP_URL && nodemailer ? nodemailer.createTransport(config.SMTP_URL) : null, from: config.MAIL_FROM };
}
