import type { Database } from "../../db/database.js";
import { type Clock, isoNow } from "../clock.js";
import { newId } from "../ids.js";
import { enqueue } from "../jobs/queue.js";
import type { JobHandler } from "../jobs/worker.js";
import type { Mailer } from "./mailer.js";
import type { MailAttachment, RenderedMail } from "./template.js";

export const SEND_MAIL_JOB = "mail.send";

/** Writes the mail to the outbox and queues its sending, in the caller's transaction if there is one. */
export async function queueMail(db: Database, clock: Clock, input: { tenantId: string; to: string; mail: RenderedMail }): Promise<string> {
  const id = newId();
  await db
    .insertInto("mail_outbox")
    .values({
      id,
      tenant_id: input.tenantId,
      to_address: input.to,
      subject: input.mail.subject,
      html: input.mail.html,
      text: input.mail.text,
      status: "pending",
      attempts: 0,
      last_error: null,
      created_at: isoNow(clock),
      sent_at: null,
      attachments: input.mail.attachments?.length ? JSON.stringify(input.mail.attachments) : null,
    })
    .execute();
  await enqueue(db, clock, { name: SEND_MAIL_JOB, payload: { id }, tenantId: input.tenantId, maxAttempts: 8 });
  return id;
}

export const attachmentsOf = (json: string | null): MailAttachment[] => (json ? (JSON.parse(json) as MailAttachment[]) : []);

export function sendMailHandler(db: Database, clock: Clock, mailer: Mailer): JobHandler {
  return async (payload) => {
    const { id } = payload as { id: string };
    const mail = await db.selectFrom("mail_outbox").selectAll().where("id", "=", id).executeTakeFirst();
    if (!mail || mail.status === "sent") return;
    if (!mailer.transport) {
      await db.updateTable("mail_outbox").set({ status: "kept" }).where("id", "=", id).execute();
      return;
    }
    try {
      await mailer.transport.sendMail({
        from: mailer.from,
        to: mail.to_address,
        subject: mail.subject,
        html: mail.html,
        text: mail.text,
        attachments: attachmentsOf(mail.attachments),
      });
      await db
        .updateTable("mail_outbox")
        .set({ status: "sent", sent_at: isoNow(clock), attempts: mail.attempts + 1, last_error: null })
        .where("id", "=", id)
        .execute();
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable("mail_outbox")
        .set({ status: "failed", attempts: mail.attempts + 1, last_error: message.slice(0, 2000) })
        .where("id", "=", id)
        .execute();
      throw error;
    }
  };
}
