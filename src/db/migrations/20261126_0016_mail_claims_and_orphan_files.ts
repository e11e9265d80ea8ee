import { type Kysely, sql } from "kysely";

// Frozen: never import app code here, never edit once landed.
export async function up(db: Kysely<unknown>): Promise<void> {
  // When a worker took a mail for sending, so a second one does not send it too.
  await db.schema.alterTable("mail_outbox").addColumn("claimed_at", "text").execute();
  // Using a sign-in or reset link ends the person's other links of its kind.
  await db.schema.createIndex("email_tokens_person").on("email_tokens").columns(["tenant_id", "user_id", "purpose"]).execute();
  // Replaced logos and removed photos used to leave their files behind; nothing refers to them.
  await sql`delete from files where id not in (select logo_file_id from associations where logo_file_id is not null) and id not in (select file_id from premise_photos)`.execute(
    db,
  );
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex("email_tokens_person").execute();
  await db.schema.alterTable("mail_outbox").dropColumn("claimed_at").execute();
}
