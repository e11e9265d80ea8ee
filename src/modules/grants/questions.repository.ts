import type { Selectable } from "kysely";
import type { Database } from "../../db/database.js";
import type { GrantQuestionsTable } from "./grants.table.js";

/** A question back to the applicant; the fields it names are open again until it is answered. */
export interface Question {
  id: string;
  applicationId: string;
  askedBy: string | null;
  question: string;
  fieldKeys: string[];
  askedAt: string;
  answer: string | null;
  answeredBy: string | null;
  answeredAt: string | null;
}

const toQuestion = (row: Selectable<GrantQuestionsTable>): Question => ({
  id: row.id,
  applicationId: row.application_id,
  askedBy: row.asked_by,
  question: row.question,
  fieldKeys: JSON.parse(row.field_keys) as string[],
  askedAt: row.asked_at,
  answer: row.answer,
  answeredBy: row.answered_by,
  answeredAt: row.answered_at,
});

export async function insertQuestion(db: Database, tenantId: string, q: Question): Promise<void> {
  await db
    .insertInto("grant_questions")
    .values({
      id: q.id,
      tenant_id: tenantId,
      application_id: q.applicationId,
      asked_by: q.askedBy,
      question: q.question,
      field_keys: JSON.stringify(q.fieldKeys),
      asked_at: q.askedAt,
      answer: q.answer,
      answered_by: q.answeredBy,
      answered_at: q.answeredAt,
    })
    .execute();
}

/** The application's questions, oldest first. */
export async function questionsOf(db: Database, tenantId: string, applicationId: string): Promise<Question[]> {
  const rows = await db
    .selectFrom("grant_questions")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("application_id", "=", applicationId)
    .orderBy("asked_at")
    .orderBy("id")
    .execute();
  return rows.map(toQuestion);
}

export async function answerQuestion(db: Database, tenantId: string, id: string, answer: string, by: string, at: string): Promise<void> {
  await db
    .updateTable("grant_questions")
    .set({ answer, answered_by: by, answered_at: at })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .where("answered_at", "is", null)
    .execute();
}
