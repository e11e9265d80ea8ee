import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import { type Keyring, open } from "../../platform/crypto/sealed.js";
import type { Need, Outcome, Source, SourceUnit } from "./bridge.model.js";
import type { FigureCase, FigureMeeting, FigureOutcome, FigurePick } from "./figures.js";

/** The ids of the tenant's cases referred in [from, to), as a subquery. */
const casesOfYear = (db: Database, tenantId: string, from: string, to: string) =>
  db.selectFrom("bridge_cases").select("id").where("tenant_id", "=", tenantId).where("created_at", ">=", from).where("created_at", "<", to);

/**
 * The one mapper of a case as the figures see it. The needs are sealed: they are opened here, and only
 * for a person who agreed to be counted in figures; they are counted in the application, never in SQL.
 */
const toFigureCase =
  (ring: Keyring) =>
  (row: { id: string; source: Source; source_unit: SourceUnit | null; created_at: string; consent_purposes: string; needs: string }): FigureCase => ({
    id: row.id,
    source: row.source,
    sourceUnit: row.source_unit,
    createdAt: row.created_at,
    needs: listOf(row.consent_purposes).includes("figures") ? (listOf(open(ring, "bridge_cases.needs", row.needs)) as Need[]) : null,
  });

export async function figureCases(db: Database, ring: Keyring, tenantId: string, from: string, to: string): Promise<FigureCase[]> {
  const rows = await db
    .selectFrom("bridge_cases")
    .select(["id", "source", "source_unit", "created_at", "consent_purposes", "needs"])
    .where("tenant_id", "=", tenantId)
    .where("created_at", ">=", from)
    .where("created_at", "<", to)
    .execute();
  return rows.map(toFigureCase(ring));
}

/** The accepted referrals of the year's cases, with their first meeting planned or held. */
export async function figureMeetings(db: Database, tenantId: string, from: string, to: string): Promise<FigureMeeting[]> {
  const rows = await db
    .selectFrom("bridge_referrals")
    .select(["case_id", "first_meeting_at", "met_at"])
    .where("tenant_id", "=", tenantId)
    .where("status", "=", "accepted")
    .where("case_id", "in", casesOfYear(db, tenantId, from, to))
    .execute();
  return rows.map((r) => ({ caseId: r.case_id, firstMeetingAt: r.first_meeting_at, metAt: r.met_at }));
}

/** The communities the year's people chose, by their category code. */
export async function figurePicks(db: Database, tenantId: string, from: string, to: string): Promise<FigurePick[]> {
  const rows = await db
    .selectFrom("bridge_picks")
    .select(["case_id", "category"])
    .where("tenant_id", "=", tenantId)
    .where("chosen", "=", 1)
    .where("case_id", "in", casesOfYear(db, tenantId, from, to))
    .execute();
  return rows.map((r) => ({ caseId: r.case_id, category: r.category }));
}

/** The recorded outcomes of the year's people at the given months; the sealed why and words are not read. */
export async function figureOutcomes(db: Database, tenantId: string, from: string, to: string, months: number[]): Promise<FigureOutcome[]> {
  const rows = await db
    .selectFrom("bridge_follow_ups")
    .select(["case_id", "months", "outcome"])
    .where("tenant_id", "=", tenantId)
    .where("months", "in", months)
    .where("outcome", "is not", null)
    .where("case_id", "in", casesOfYear(db, tenantId, from, to))
    .execute();
  return rows.flatMap((r) => (r.outcome ? [{ caseId: r.case_id, months: r.months, outcome: r.outcome as Outcome }] : []));
}
