import { type Insertable, type Selectable, sql } from "kysely";
import type { Database } from "../../db/database.js";
import type { AllocationApplicationsTable, AllocationRoundsTable } from "./premises.table.js";
import type { NamedApplication, PlacedChoice, Priority, Response, Round, RoundApplication, RoundStatus, Slot } from "./rounds.model.js";

type RoundRow = Selectable<AllocationRoundsTable>;
type ApplicationRow = Selectable<AllocationApplicationsTable>;

function toRound(row: RoundRow): Round {
  return {
    id: row.id,
    name: row.name,
    seasonFrom: row.season_from,
    seasonTo: row.season_to,
    status: row.status,
    createdAt: row.created_at,
    publishedAt: row.published_at,
  };
}

const roundColumns = (tenantId: string, r: Round): Insertable<AllocationRoundsTable> => ({
  id: r.id,
  tenant_id: tenantId,
  name: r.name,
  season_from: r.seasonFrom,
  season_to: r.seasonTo,
  status: r.status,
  created_at: r.createdAt,
  published_at: r.publishedAt,
});

const slotOf = (premiseId: string | null, weekday: number | null, start: string | null): Slot | null =>
  premiseId && weekday && start ? { premiseId, weekday, start } : null;

function toApplication(row: ApplicationRow): RoundApplication {
  const placed = slotOf(row.placed_premise_id, row.placed_weekday, row.placed_start);
  return {
    id: row.id,
    roundId: row.round_id,
    associationId: row.association_id,
    userId: row.user_id,
    purpose: row.purpose,
    participants: row.participants,
    priority: row.priority as Priority,
    disabilityUse: row.disability_use === 1,
    minutes: row.minutes,
    first: { premiseId: row.first_premise_id, weekday: row.first_weekday, start: row.first_start },
    second: slotOf(row.second_premise_id, row.second_weekday, row.second_start),
    window: row.window_from && row.window_to ? { from: row.window_from, to: row.window_to } : null,
    placed: placed && { ...placed, choice: row.placed_choice ?? "manual" },
    bookingId: row.booking_id,
    response: row.response,
    createdAt: row.created_at,
  };
}

const placedColumns = (placed: RoundApplication["placed"]) => ({
  placed_premise_id: placed?.premiseId ?? null,
  placed_weekday: placed?.weekday ?? null,
  placed_start: placed?.start ?? null,
  placed_choice: placed?.choice ?? null,
});

const applicationColumns = (tenantId: string, a: RoundApplication): Insertable<AllocationApplicationsTable> => ({
  id: a.id,
  tenant_id: tenantId,
  round_id: a.roundId,
  association_id: a.associationId,
  user_id: a.userId,
  purpose: a.purpose,
  participants: a.participants,
  priority: a.priority,
  disability_use: a.disabilityUse ? 1 : 0,
  minutes: a.minutes,
  first_premise_id: a.first.premiseId,
  first_weekday: a.first.weekday,
  first_start: a.first.start,
  second_premise_id: a.second?.premiseId ?? null,
  second_weekday: a.second?.weekday ?? null,
  second_start: a.second?.start ?? null,
  window_from: a.window?.from ?? null,
  window_to: a.window?.to ?? null,
  ...placedColumns(a.placed),
  booking_id: a.bookingId,
  response: a.response,
  created_at: a.createdAt,
});

/** One value per application for a batch update: `case when id = … then … end`, typed for PostgreSQL. */
const perId = <V extends string | number | null>(values: readonly (readonly [string, V])[], type: "text" | "integer") =>
  sql<V>`case ${sql.join(
    values.map(([id, v]) => sql`when id = ${id} then cast(${v} as ${sql.raw(type)})`),
    sql` `,
  )} end`;

export async function listRounds(db: Database, tenantId: string): Promise<Round[]> {
  return (await db.selectFrom("allocation_rounds").selectAll().where("tenant_id", "=", tenantId).orderBy("season_from", "desc").execute()).map(toRound);
}

export async function findRound(db: Database, tenantId: string, id: string): Promise<Round | undefined> {
  const row = await db.selectFrom("allocation_rounds").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toRound(row);
}

export async function insertRound(db: Database, tenantId: string, round: Round): Promise<void> {
  await db.insertInto("allocation_rounds").values(roundColumns(tenantId, round)).execute();
}

export async function setRoundStatus(db: Database, tenantId: string, id: string, status: RoundStatus, publishedAt?: string): Promise<void> {
  await db
    .updateTable("allocation_rounds")
    .set({ status, ...(publishedAt ? { published_at: publishedAt } : {}) })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

/** A round's applications with their association's name, in priority order; only these associations' when named. */
export async function applicationsOf(db: Database, tenantId: string, roundId: string, associationIds: readonly string[] | null): Promise<NamedApplication[]> {
  const rows = await db
    .selectFrom("allocation_applications as x")
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "x.association_id").onRef("a.tenant_id", "=", "x.tenant_id"))
    .selectAll("x")
    .select("a.name as association_name")
    .where("x.tenant_id", "=", tenantId)
    .where("x.round_id", "=", roundId)
    .$if(associationIds !== null, (q) => q.where("x.association_id", "in", associationIds?.length ? associationIds : [""]))
    .orderBy("x.priority")
    .orderBy("x.created_at")
    .execute();
  return rows.map(({ association_name, ...row }) => ({ ...toApplication(row), associationName: association_name }));
}

/** An application, found only under the round it belongs to. */
export async function findApplication(db: Database, tenantId: string, roundId: string, id: string): Promise<RoundApplication | undefined> {
  const row = await db
    .selectFrom("allocation_applications")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("round_id", "=", roundId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toApplication(row);
}

export async function insertApplication(db: Database, tenantId: string, application: RoundApplication): Promise<void> {
  await db.insertInto("allocation_applications").values(applicationColumns(tenantId, application)).execute();
}

/** The other applications of a round placed on a weekday. */
export async function placedOn(db: Database, tenantId: string, roundId: string, weekday: number, exceptId: string): Promise<RoundApplication[]> {
  const rows = await db
    .selectFrom("allocation_applications")
    .selectAll()
    .where("tenant_id", "=", tenantId)
    .where("round_id", "=", roundId)
    .where("id", "!=", exceptId)
    .where("placed_weekday", "=", weekday)
    .execute();
  return rows.map(toApplication);
}

/** Places applications (or takes their place away), all in one statement. */
export async function setPlacements(
  db: Database,
  tenantId: string,
  placements: readonly { id: string; placed: (Slot & { choice: PlacedChoice }) | null }[],
): Promise<void> {
  if (placements.length === 0) return;
  const each = placements.map((p) => [p.id, placedColumns(p.placed)] as const);
  await db
    .updateTable("allocation_applications")
    .set({
      placed_premise_id: perId(
        each.map(([id, c]) => [id, c.placed_premise_id]),
        "text",
      ),
      placed_weekday: perId(
        each.map(([id, c]) => [id, c.placed_weekday]),
        "integer",
      ),
      placed_start: perId(
        each.map(([id, c]) => [id, c.placed_start]),
        "text",
      ),
      placed_choice: perId(
        each.map(([id, c]) => [id, c.placed_choice]),
        "text",
      ),
    })
    .where("tenant_id", "=", tenantId)
    .where(
      "id",
      "in",
      placements.map((p) => p.id),
    )
    .execute();
}

/** Notes the booking each application was given, all in one statement. */
export async function setBookings(db: Database, tenantId: string, granted: readonly { id: string; bookingId: string }[]): Promise<void> {
  if (granted.length === 0) return;
  await db
    .updateTable("allocation_applications")
    .set({
      booking_id: perId(
        granted.map((g) => [g.id, g.bookingId]),
        "text",
      ),
    })
    .where("tenant_id", "=", tenantId)
    .where(
      "id",
      "in",
      granted.map((g) => g.id),
    )
    .execute();
}

export async function setResponse(db: Database, tenantId: string, id: string, response: Response): Promise<void> {
  await db.updateTable("allocation_applications").set({ response }).where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}
