import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { GrantLettersTable } from "./grants.table.js";

/** A letter as it was sent: kept so it can be printed again exactly as the association got it. */
export interface Letter {
  id: string;
  applicationId: string;
  kind: "decision";
  language: string;
  subject: string;
  body: string;
  createdAt: string;
}

const toLetter = (row: Selectable<GrantLettersTable>): Letter => ({
  id: row.id,
  applicationId: row.application_id,
  kind: row.kind,
  language: row.language,
  subject: row.subject,
  body: row.body,
  createdAt: row.created_at,
});

export async function insertLetter(db: Database, tenantId: string, l: Letter): Promise<void> {
  await db
    .insertInto("grant_letters")
    .values({
      id: l.id,
      tenant_id: tenantId,
      application_id: l.applicationId,
      kind: l.kind,
      language: l.language,
      subject: l.subject,
      body: l.body,
      created_at: l.createdAt,
    })
    .execute();
}

/** The letters sent about an application, newest first. */
export async function lettersOf(db: Database, tenantId: string, applicationId: string): Promise<Letter[]> {
  const rows = await db
    .selectFrom("grant_letters")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("application_id", "=", applicationId)
    .orderBy("created_at", "desc")
    .orderBy("id")
    .execute();
  return rows.map(toLetter);
}

export async function findLetter(db: Database, tenantId: string, id: string): Promise<Letter | undefined> {
  const row = await db.selectFrom("grant_letters").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toLetter(row);
}

/** The letters sent about a round's applications, by the applications' references. */
export async function lettersOfRound(db: Database, tenantId: string, roundId: string): Promise<Letter[]> {
  const rows = await db
    .selectFrom("grant_letters")
    .innerJoin("grant_applications", (j) =>
      j.onRef("grant_applications.id", "=", "grant_letters.application_id").onRef("grant_applications.tenant_id", "=", "grant_letters.tenant_id"),
    )
    .selectAll("grant_letters")
    .where("grant_letters.tenant_id", "=", tenantId)
    .where("grant_applications.round_id", "=", roundId)
    .orderBy("grant_applications.reference")
    .orderBy("grant_letters.created_at")
    .execute();
  return rows.map(toLetter);
}
