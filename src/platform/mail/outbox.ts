import type { Database } from "../../db/database.js";
import { type Clock, isoIn, isoNow } from "../clock.js";
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

/** Takes the mail for sending in one statement, so two workers never both hand it to SMTP. */
async function claimMail(db: Database, clock: Clock, id: string) {
  return db
    .updateTable("mail_outbox")
    .set((eb) => ({ status: "sending", claimed_at: isoNow(clock), attempts: eb("attempts", "+", 1) }))
    .where("id", "=", id)
    .where((eb) => eb.or([eb("status", "in", ["pending", "failed"]), eb.and([eb("status", "=", "sending"), eb("claimed_at", "<", isoIn(clock, -SENDING_MS))])]))
    .returningAll()
    .executeTakeFirst();
}

export function sendMailHandler(db: Database, clock: Clock, mailer: Mailer): JobHandler {
  return async (payload) => {
    const { id } = payload as { id: string };
    if (!mailer.transport) {
      await db.updateTable("mail_outbox").set({ status: "kept" }).where("id", "=", id).where("status", "=", "pending").execute();
      return;
    }
    const mail = await claimMail(db, clock, id);
    if (!mail) {
      const row = await db.selectFrom("mail_outbox").select("status").where("id", "=", id).executeTakeFirst();
      if (row?.status === "sending") throw new Error("Another worker is sending this mail");
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
        messageId: messageIdOf(mail.id, mailer.from),
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await db
        .updateTable("mail_outbox")
        .set({ status: "failed", last_error: message.slice(0, 2000) })
        .where("id", "=", id)
        .execute();
      throw error;
    }
    await db
      .updateTable("mail_outbox")
      .set({ status: "sent", sent_at: isoNow(clock), last_error: null })
      .where("id", "=", id)
      .execute();
  };
}
