import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { GrantNotesTable } from "./grants.table.js";

/** A caseworker's note on an application: an internal note, or the reason given with an eligibility verdict. Never shown to the applicant. */
export interface CaseNote {
  id: string;
  applicationId: string;
  authorId: string | null;
  kind: "note" | "eligibility";
  body: string;
  createdAt: string;
}

const toNote = (row: Selectable<GrantNotesTable>): CaseNote => ({
  id: row.id,
  applicationId: row.application_id,
  authorId: row.author_id,
  kind: row.kind,
  body: row.body,
  createdAt: row.created_at,
});

export async function insertNote(db: Database, tenantId: string, n: CaseNote): Promise<void> {
  await db
    .insertInto("grant_notes")
    .values({
      id: n.id,
      tenant_id: tenantId,
      application_id: n.applicationId,
      author_id: n.authorId,
      kind: n.kind,
      body: n.body,
      created_at: n.createdAt,
    })
    .execute();
}

/** The application's notes, newest first. */
export async function notesOf(db: Database, tenantId: string, applicationId: string): Promise<CaseNote[]> {
  const rows = await db
    .selectFrom("grant_notes")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("application_id", "=", applicationId)
    .orderBy("created_at", "desc")
    .orderBy("id", "desc")
    .execute();
  return rows.map(toNote);
}

/** Per round, how many applications are in each status (drafts and withdrawn ones left out). */
export async function statusCounts(db: Database, tenantId: string): Promise<{ roundId: string; status: string; n: number }[]> {
  const rows = await db
    .selectFrom("grant_applications")
    .select(["round_id", "status", (eb) => eb.fn.countAll<string | number>().as("n")])
    .where("tenant_id", "=", tenantId)
    .where("status", "not in", ["draft", "withdrawn"])
    .groupBy(["round_id", "status"])
    .execute();
  return rows.map((r) => ({ roundId: r.round_id, status: r.status, n: Number(r.n) }));
}

/** How many applications wait for a caseworker: sent in and not yet assessed. */
export async function countWaitingForAssessment(db: Database, tenantId: string): Promise<number> {
  const row = await db
    .selectFrom("grant_applications")
    .select((eb) => eb.fn.countAll<string | number>().as("n"))
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "submitted")
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}
