import type { Database } from "../../db/database.js";
import { type Clock, isoIn, isoNow } from "../clock.js";
import { newId } from "../ids.js";
import { enqueue } from "../jobs/queue.js";
import type { JobHandler } from "../jobs/worker.js";
import type { Mailer } from "./mailer.js";
import { claimMail, insertMail, mailStatus, markFailed, markKept, markSent } from "./outbox.repository.js";
import type { RenderedMail } from "./template.js";

export const SEND_MAIL_JOB = "mail.send";

/** Writes the mail to the outbox and queues its sending, in the caller's transaction if there is one. */
export async function queueMail(db: Database, clock: Clock, input: { tenantId: string; to: string; mail: RenderedMail }): Promise<string> {
  const id = newId();
  await insertMail(db, {
    id,
    tenantId: input.tenantId,
    to: input.to,
    subject: input.mail.subject,
    html: input.mail.html,
    text: input.mail.text,
    attachments: input.mail.attachments ?? [],
    headers: input.mail.headers ?? null,
    createdAt: isoNow(clock),
  });
  await enqueue(db, clock, { name: SEND_MAIL_JOB, payload: { id }, tenantId: input.tenantId, maxAttempts: 8 });
  return id;
}

/**
 * How long a claim on a mail holds. It outlives any SMTP exchange (nodemailer gives up on a silent
 * server after 10 minutes), so a mail still "sending" after it lost its worker mid-exchange; it is then
 * sent again, with the same Message-ID.
 */
const SENDING_MS = 15 * 60_000;

/** The Message-ID a mail keeps however often it is tried, so a duplicate is recognisable as one. */
export function messageIdOf(outboxId: string, from: string): string {
  const domain = from.match(/@([^>\s]+)/)?.[1] ?? "sammen.local";
  return `<${outboxId}@${domain}>`;
}

export function sendMailHandler(db: Database, clock: Clock, mailer: Mailer): JobHandler {
  return async (payload) => {
    const { id } = payload as { id: string };
    if (!mailer.transport) {
      await markKept(db, id);
      return;
    }
    const mail = await claimMail(db, id, isoNow(clock), isoIn(clock, -SENDING_MS));
    if (!mail) {
      if ((await mailStatus(db, id)) === "sending") throw new Error("Another worker is sending this mail");
      return;
    }
    try {
      await mailer.transport.sendMail({
        from: mailer.from,
        to: mail.to,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        attachments: mail.attachments,
        ...(mail.headers ? { headers: mail.headers } : {}),
        messageId: messageIdOf(mail.id, mailer.from),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await markFailed(db, id, message.slice(0, 2000));
      throw error;
    }
    await markSent(db, id, isoNow(clock));
  };
}
