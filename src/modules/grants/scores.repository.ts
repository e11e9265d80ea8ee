import type { Database } from "../../db/database.js";

/** One caseworker's score of one criterion. */
export interface Score {
  applicationId: string;
  reviewerId: string;
  criterionKey: string;
  score: number;
  createdAt: string;
}

/** A declaration about one application: a conflict of interest, or none. */
export interface ConflictDeclaration {
  applicationId: string;
  userId: string;
  conflict: boolean;
  note: string;
  declaredAt: string;
}

/** The scores given on these applications. */
export async function scoresOf(db: Database, tenantId: string, applicationIds: readonly string[]): Promise<Score[]> {
  if (applicationIds.length === 0) return [];
  const rows = await db
    .selectFrom("grant_scores")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("application_id", "in", applicationIds)
    .orderBy("created_at")
    .execute();
  return rows.map((r) => ({
    applicationId: r.application_id,
    reviewerId: r.reviewer_id,
    criterionKey: r.criterion_key,
    score: r.score,
    createdAt: r.created_at,
  }));
}

/** Replaces one reviewer's scores of an application. */
export async function putScores(db: Database, tenantId: string, applicationId: string, reviewerId: string, scores: Score[]): Promise<void> {
  await db
    .deleteFrom("grant_scores")
    .where("tenant_id", "=", tenantId)
    .where("application_id", "=", applicationId)
    .where("reviewer_id", "=", reviewerId)
    .execute();
  if (scores.length === 0) return;
  await db
    .insertInto("grant_scores")
    .values(
      scores.map((s) => ({
        tenant_id: tenantId,
        application_id: applicationId,
        reviewer_id: reviewerId,
        criterion_key: s.criterionKey,
        score: s.score,
        created_at: s.createdAt,
      })),
    )
    .execute();
}

export async function declarationsOf(db: Database, tenantId: string, applicationIds: readonly string[]): Promise<ConflictDeclaration[]> {
  if (applicationIds.length === 0) return [];
  const rows = await db.selectFrom("grant_conflicts").selectAll().where("tenant_id", "=", tenantId).where("application_id", "in", applicationIds).execute();
  return rows.map((r) => ({ applicationId: r.application_id, userId: r.user_id, conflict: r.conflict === 1, note: r.note, declaredAt: r.declared_at }));
}

export async function putDeclaration(db: Database, tenantId: string, d: ConflictDeclaration): Promise<void> {
  const values = { conflict: d.conflict ? 1 : 0, note: d.note, declared_at: d.declaredAt };
  await db
    .insertInto("grant_conflicts")
    .values({ tenant_id: tenantId, application_id: d.applicationId, user_id: d.userId, ...values })
    .onConflict((oc) => oc.columns(["application_id", "user_id"]).doUpdateSet(values))
    .execute();
}
