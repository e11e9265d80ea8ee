import type { Database } from "../../db/database.js";
import type { Answers } from "./form.model.js";
import type { ApplicationProfile, AwardedGrant, BoardMember, Eligibility } from "./grants.model.js";

type AwardedRow = {
  id: string;
  reference: string;
  title: string;
  answers: string;
  granted_amount: number | null;
  decided_at: string | null;
  updated_at: string;
  association_id: string;
  round_id: string;
  round_title: string;
  scheme_title: string;
  scheme_purpose: string;
};

const toAwarded = (row: AwardedRow): Omit<AwardedGrant, "associationName" | "registrationNumber"> => ({
  applicationId: row.id,
  reference: row.reference,
  title: row.title,
  answers: JSON.parse(row.answers) as Answers,
  amount: row.granted_amount ?? 0,
  decidedAt: row.decided_at ?? row.updated_at,
  updatedAt: row.updated_at,
  associationId: row.association_id,
  roundId: row.round_id,
  roundTitle: row.round_title,
  schemeTitle: row.scheme_title,
  schemePurpose: row.scheme_purpose,
});

/** The tenant's grants made in decided rounds (of one round when given), by reference. */
export async function awardedGrants(db: Database, tenantId: string, roundId?: string) {
  let q = db
    .selectFrom("grant_applications as a")
    .innerJoin("grant_rounds as r", (j) => j.onRef("r.id", "=", "a.round_id").onRef("r.tenant_id", "=", "a.tenant_id"))
    .innerJoin("grant_schemes as s", (j) => j.onRef("s.id", "=", "a.scheme_id").onRef("s.tenant_id", "=", "a.tenant_id"))
    .select([
      "a.id",
      "a.reference",
      "a.title",
      "a.answers",
      "a.granted_amount",
      "a.decided_at",
      "a.updated_at",
      "a.association_id",
      "a.round_id",
      "r.title as round_title",
      "s.title as scheme_title",
      "s.purpose as scheme_purpose",
    ])
    .where("a.tenant_id", "=", tenantId)
    .where("r.status", "=", "decided")
    .where("a.decision", "in", ["granted", "reduced"])
    .where("a.status", "=", "decided")
    .where("a.granted_amount", ">", 0);
  if (roundId) q = q.where("a.round_id", "=", roundId);
  const rows = await q.orderBy("a.reference").execute();
  return rows.map(toAwarded);
}

// ---- A person's data: what they did in grants, and the board lists that name them. ----

const BY_COLUMNS = ["created_by", "updated_by", "submitted_by", "recommended_by", "decided_by"] as const;

/** The applications the person had a hand in: made, changed, sent, recommended or decided. */
export async function applicationsTouchedBy(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("grant_applications")
    .select(["id", "reference", "title", "status", "created_by", "updated_by", "submitted_by", "submitted_at", "recommended_by", "decided_by", "decided_at"])
    .where("tenant_id", "=", tenantId)
    .where((eb) => eb.or(BY_COLUMNS.map((c) => eb(c, "=", userId))))
    .orderBy("reference")
    .execute();
}

export async function scoresGivenBy(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("grant_scores as s")
    .innerJoin("grant_applications as a", (j) => j.onRef("a.id", "=", "s.application_id").onRef("a.tenant_id", "=", "s.tenant_id"))
    .select(["a.reference", "s.criterion_key", "s.score", "s.created_at"])
    .where("s.tenant_id", "=", tenantId)
    .where("s.reviewer_id", "=", userId)
    .orderBy("a.reference")
    .orderBy("s.criterion_key")
    .execute();
}

export async function declarationsBy(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("grant_conflicts as c")
    .innerJoin("grant_applications as a", (j) => j.onRef("a.id", "=", "c.application_id").onRef("a.tenant_id", "=", "c.tenant_id"))
    .select(["a.reference", "c.conflict", "c.note", "c.declared_at"])
    .where("c.tenant_id", "=", tenantId)
    .where("c.user_id", "=", userId)
    .orderBy("a.reference")
    .execute();
}

export async function notesWrittenBy(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("grant_notes as n")
    .innerJoin("grant_applications as a", (j) => j.onRef("a.id", "=", "n.application_id").onRef("a.tenant_id", "=", "n.tenant_id"))
    .select(["a.reference", "n.kind", "n.body", "n.created_at"])
    .where("n.tenant_id", "=", tenantId)
    .where("n.author_id", "=", userId)
    .orderBy("n.created_at")
    .execute();
}

export async function questionsOfPerson(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("grant_questions as q")
    .innerJoin("grant_applications as a", (j) => j.onRef("a.id", "=", "q.application_id").onRef("a.tenant_id", "=", "q.tenant_id"))
    .select(["a.reference", "q.question", "q.asked_by", "q.asked_at", "q.answer", "q.answered_by", "q.answered_at"])
    .where("q.tenant_id", "=", tenantId)
    .where((eb) => eb.or([eb("q.asked_by", "=", userId), eb("q.answered_by", "=", userId)]))
    .orderBy("q.asked_at")
    .execute();
}

export async function reportsOfPerson(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("grant_reports as r")
    .innerJoin("grant_applications as a", (j) => j.onRef("a.id", "=", "r.application_id").onRef("a.tenant_id", "=", "r.tenant_id"))
    .select(["a.reference", "r.status", "r.submitted_by", "r.submitted_at", "r.reviewed_by", "r.reviewed_at", "r.review_note"])
    .where("r.tenant_id", "=", tenantId)
    .where((eb) => eb.or([eb("r.submitted_by", "=", userId), eb("r.reviewed_by", "=", userId)]))
    .orderBy("a.reference")
    .execute();
}

export async function payoutsMarkedBy(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("grant_payouts as p")
    .innerJoin("grant_applications as a", (j) => j.onRef("a.id", "=", "p.application_id").onRef("a.tenant_id", "=", "p.tenant_id"))
    .select(["a.reference", "p.amount", "p.paid_at"])
    .where("p.tenant_id", "=", tenantId)
    .where("p.paid_by", "=", userId)
    .orderBy("p.paid_at")
    .execute();
}

export async function formVersionsBy(db: Database, tenantId: string, userId: string) {
  return db
    .selectFrom("grant_form_versions as v")
    .innerJoin("grant_schemes as s", (j) => j.onRef("s.id", "=", "v.scheme_id").onRef("s.tenant_id", "=", "v.tenant_id"))
    .select(["s.title", "v.version", "v.created_at"])
    .where("v.tenant_id", "=", tenantId)
    .where("v.created_by", "=", userId)
    .execute();
}

/** Applications whose eligibility verdict the person gave (kept in the verdict's JSON). */
export async function verdictsBy(db: Database, tenantId: string, userId: string) {
  const rows = await db
    .selectFrom("grant_applications")
    .select(["id", "reference", "eligibility"])
    .where("tenant_id", "=", tenantId)
    .where("eligibility", "like", `%${userId}%`)
    .execute();
  return rows
    .map((r) => ({ id: r.id, reference: r.reference, eligibility: JSON.parse(r.eligibility ?? "null") as Eligibility | null }))
    .filter((r) => r.eligibility?.by === userId);
}

export async function putEligibility(db: Database, tenantId: string, applicationId: string, eligibility: Eligibility): Promise<void> {
  await db
    .updateTable("grant_applications")
    .set({ eligibility: JSON.stringify(eligibility) })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", applicationId)
    .execute();
}

/** Application profiles the person last saved, and every board list (kept and as sent) that names them. */
export async function boardLists(db: Database, tenantId: string) {
  const [profiles, applications] = await Promise.all([
    db.selectFrom("grant_profiles").select(["association_id", "board", "updated_by", "updated_at"]).where("tenant_id", "=", tenantId).execute(),
    db.selectFrom("grant_applications").select(["id", "reference", "profile"]).where("tenant_id", "=", tenantId).where("profile", "is not", null).execute(),
  ]);
  return {
    profiles: profiles.map((p) => ({
      associationId: p.association_id,
      board: JSON.parse(p.board) as BoardMember[],
      updatedBy: p.updated_by,
      updatedAt: p.updated_at,
    })),
    applications: applications.map((a) => ({ id: a.id, reference: a.reference, profile: JSON.parse(a.profile ?? "null") as ApplicationProfile | null })),
  };
}

export async function putProfileBoard(db: Database, tenantId: string, associationId: string, board: BoardMember[]): Promise<void> {
  await db
    .updateTable("grant_profiles")
    .set({ board: JSON.stringify(board) })
    .where("tenant_id", "=", tenantId)
    .where("association_id", "=", associationId)
    .execute();
}

export async function putApplicationProfile(db: Database, tenantId: string, applicationId: string, profile: ApplicationProfile): Promise<void> {
  await db
    .updateTable("grant_applications")
    .set({ profile: JSON.stringify(profile) })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", applicationId)
    .execute();
}

/**
 * Takes the person off every grant record that names them as the one who acted. Their scores and
 * declarations go too: the columns may not be empty and point at the account, which erasure removes.
 */
export async function forgetPerson(db: Database, tenantId: string, userId: string): Promise<void> {
  await db.updateTable("grant_form_versions").set({ created_by: null }).where("tenant_id", "=", tenantId).where("created_by", "=", userId).execute();
  await db.updateTable("grant_profiles").set({ updated_by: null }).where("tenant_id", "=", tenantId).where("updated_by", "=", userId).execute();
  for (const column of BY_COLUMNS)
    await db
      .updateTable("grant_applications")
      .set({ [column]: null })
      .where("tenant_id", "=", tenantId)
      .where(column, "=", userId)
      .execute();
  await db.updateTable("grant_application_files").set({ created_by: null }).where("tenant_id", "=", tenantId).where("created_by", "=", userId).execute();
  await db.deleteFrom("grant_scores").where("tenant_id", "=", tenantId).where("reviewer_id", "=", userId).execute();
  await db.deleteFrom("grant_conflicts").where("tenant_id", "=", tenantId).where("user_id", "=", userId).execute();
  await db.updateTable("grant_notes").set({ author_id: null }).where("tenant_id", "=", tenantId).where("author_id", "=", userId).execute();
  await db.updateTable("grant_questions").set({ asked_by: null }).where("tenant_id", "=", tenantId).where("asked_by", "=", userId).execute();
  await db.updateTable("grant_questions").set({ answered_by: null }).where("tenant_id", "=", tenantId).where("answered_by", "=", userId).execute();
  await db.updateTable("grant_payouts").set({ paid_by: null }).where("tenant_id", "=", tenantId).where("paid_by", "=", userId).execute();
  await db.updateTable("grant_reports").set({ submitted_by: null }).where("tenant_id", "=", tenantId).where("submitted_by", "=", userId).execute();
  await db.updateTable("grant_reports").set({ reviewed_by: null }).where("tenant_id", "=", tenantId).where("reviewed_by", "=", userId).execute();
}
