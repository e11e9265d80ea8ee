import type { Insertable, Selectable, Updateable } from "kysely";
import type { Database } from "../../db/database.js";
import { listOf } from "../../db/lists.js";
import type { Closure, OpeningHours, Premise, PremiseFields, PremisePhoto } from "./premises.model.js";
import type { PremiseClosuresTable, PremiseHoursTable, PremisePhotosTable, PremisesTable } from "./premises.table.js";

export const toPremise = (r: Selectable<PremisesTable>): Premise => ({
  id: r.id,
  tenantId: r.tenant_id,
  parentId: r.parent_id,
  kind: r.kind,
  name: r.name,
  description: r.description,
  address: r.address,
  postcode: r.postcode,
  capacity: r.capacity,
  sizeM2: r.size_m2,
  facilities: listOf(r.facilities),
  accessibility: listOf(r.accessibility),
  houseRules: r.house_rules,
  accessDetails: r.access_details,
  bookable: r.bookable === 1,
  whoMayBook: r.who_may_book,
  approval: r.approval,
  pricePerHour: r.price_per_hour,
  currency: r.currency,
  minMinutes: r.min_minutes,
  maxMinutes: r.max_minutes,
  maxDaysAhead: r.max_days_ahead,
  bufferMinutes: r.buffer_minutes,
  cancelHours: r.cancel_hours,
});

export const premiseColumns = (p: PremiseFields) =>
  ({
    parent_id: p.parentId,
    kind: p.kind,
    name: p.name,
    description: p.description,
    address: p.address,
    postcode: p.postcode,
    capacity: p.capacity,
    size_m2: p.sizeM2,
    facilities: p.facilities.join(","),
    accessibility: p.accessibility.join(","),
    house_rules: p.houseRules,
    access_details: p.accessDetails,
    bookable: p.bookable ? 1 : 0,
    who_may_book: p.whoMayBook,
    approval: p.approval,
    price_per_hour: p.pricePerHour,
    min_minutes: p.minMinutes,
    max_minutes: p.maxMinutes,
    max_days_ahead: p.maxDaysAhead,
    buffer_minutes: p.bufferMinutes,
    cancel_hours: p.cancelHours,
  }) satisfies Updateable<PremisesTable>;

export const toOpeningHours = (r: Selectable<PremiseHoursTable>): OpeningHours => ({
  id: r.id,
  premiseId: r.premise_id,
  weekday: r.weekday,
  opens: r.opens,
  closes: r.closes,
  validFrom: r.valid_from,
  validTo: r.valid_to,
});

export const toClosure = (r: Selectable<PremiseClosuresTable>): Closure => ({
  id: r.id,
  premiseId: r.premise_id,
  fromDate: r.from_date,
  toDate: r.to_date,
  reason: r.reason,
});

const toPhoto = (r: Pick<Selectable<PremisePhotosTable>, "id" | "alt" | "file_id">): PremisePhoto => ({ id: r.id, alt: r.alt, fileId: r.file_id });

export async function allPremises(db: Database, tenantId: string): Promise<Premise[]> {
  return (await db.selectFrom("premises").selectAll().where("tenant_id", "=", tenantId).orderBy("name").execute()).map(toPremise);
}

export async function findPremise(db: Database, tenantId: string, id: string): Promise<Premise | undefined> {
  const row = await db.selectFrom("premises").selectAll().where("tenant_id", "=", tenantId).where("id", "=", id).executeTakeFirst();
  return row && toPremise(row);
}

export async function insertPremise(db: Database, tenantId: string, id: string, p: PremiseFields & { currency?: string }, now: string) {
  await db
    .insertInto("premises")
    .values({ ...premiseColumns(p), ...(p.currency ? { currency: p.currency } : {}), id, tenant_id: tenantId, created_at: now, updated_at: now })
    .execute();
}

export async function updatePremise(db: Database, tenantId: string, id: string, p: PremiseFields, now: string) {
  await db
    .updateTable("premises")
    .set({ ...premiseColumns(p), updated_at: now })
    .where("tenant_id", "=", tenantId)
    .where("id", "=", id)
    .execute();
}

export async function deletePremiseRow(db: Database, tenantId: string, id: string) {
  await db.deleteFrom("premises").where("tenant_id", "=", tenantId).where("id", "=", id).execute();
}

/** Whether anything still points at the premise: a part inside it, a booking, or a seasonal wish. */
export async function premiseUse(db: Database, tenantId: string, id: string) {
  const [part, booking, wish] = await Promise.all([
    db.selectFrom("premises").select("id").where("tenant_id", "=", tenantId).where("parent_id", "=", id).executeTakeFirst(),
    db.selectFrom("bookings").select("id").where("tenant_id", "=", tenantId).where("premise_id", "=", id).executeTakeFirst(),
    db
      .selectFrom("allocation_applications")
      .select("id")
      .where("tenant_id", "=", tenantId)
      .where((eb) => eb.or([eb("first_premise_id", "=", id), eb("second_premise_id", "=", id), eb("placed_premise_id", "=", id)]))
      .executeTakeFirst(),
  ]);
  return { hasParts: Boolean(part), inUse: Boolean(booking || wish) };
}

/** The number every change to the tenant's premises, hours or closures raises (by trigger); 0 before the first. */
export async function rulesVersion(db: Database, tenantId: string): Promise<number> {
  const row = await db.selectFrom("premise_versions").select("version").where("tenant_id", "=", tenantId).executeTakeFirst();
  return Number(row?.version ?? 0);
}

/** Every opening hour of the tenant's premises. */
export async function allHours(db: Database, tenantId: string): Promise<OpeningHours[]> {
  return (await db.selectFrom("premise_hours").selectAll().where("tenant_id", "=", tenantId).execute()).map(toOpeningHours);
}

/** The tenant's closures that end on or after a date. */
export async function closuresFrom(db: Database, tenantId: string, from: string): Promise<Closure[]> {
  return (await db.selectFrom("premise_closures").selectAll().where("tenant_id", "=", tenantId).where("to_date", ">=", from).execute()).map(toClosure);
}

export async function hoursOf(db: Database, tenantId: string, premiseIds: string[]): Promise<OpeningHours[]> {
  if (premiseIds.length === 0) return [];
  return (await db.selectFrom("premise_hours").selectAll().where("tenant_id", "=", tenantId).where("premise_id", "in", premiseIds).execute()).map(
    toOpeningHours,
  );
}

/** Replaces a premise's all-year weekly hours (season null) or one season's. */
export async function replaceHours(
  db: Database,
  tenantId: string,
  premiseId: string,
  season: { from: string; to: string } | null,
  hours: Omit<OpeningHours, "premiseId" | "validFrom" | "validTo">[],
) {
  await db
    .deleteFrom("premise_hours")
    .where("tenant_id", "=", tenantId)
    .where("premise_id", "=", premiseId)
    .where("valid_from", season ? "=" : "is", season?.from ?? null)
    .where("valid_to", season ? "=" : "is", season?.to ?? null)
    .execute();
  if (hours.length === 0) return;
  await db
    .insertInto("premise_hours")
    .values(
      hours.map(
        (h): Insertable<PremiseHoursTable> => ({
          id: h.id,
          tenant_id: tenantId,
          premise_id: premiseId,
          weekday: h.weekday,
          opens: h.opens,
          closes: h.closes,
          valid_from: season?.from ?? null,
          valid_to: season?.to ?? null,
        }),
      ),
    )
    .execute();
}

export async function closuresOf(db: Database, tenantId: string, premiseIds: string[], from: string, to: string): Promise<Closure[]> {
  if (premiseIds.length === 0) return [];
  return (
    await db
      .selectFrom("premise_closures")
      .selectAll()
      .where("tenant_id", "=", tenantId)
      .where("premise_id", "in", premiseIds)
      .where("from_date", "<=", to)
      .where("to_date", ">=", from)
      .execute()
  ).map(toClosure);
}

/** Every closure of one premise, earliest first. */
export async function closuresOfPremise(db: Database, tenantId: string, premiseId: string): Promise<Closure[]> {
  return (
    await db.selectFrom("premise_closures").selectAll().where("tenant_id", "=", tenantId).where("premise_id", "=", premiseId).orderBy("from_date").execute()
  ).map(toClosure);
}

export async function insertClosure(db: Database, tenantId: string, closure: Closure) {
  await db
    .insertInto("premise_closures")
    .values({
      id: closure.id,
      tenant_id: tenantId,
      premise_id: closure.premiseId,
      from_date: closure.fromDate,
      to_date: closure.toDate,
      reason: closure.reason,
    })
    .execute();
}

/** Removes a closure of this premise; false when there was none. */
export async function deleteClosure(db: Database, tenantId: string, premiseId: string, id: string): Promise<boolean> {
  const gone = await db
    .deleteFrom("premise_closures")
    .where("tenant_id", "=", tenantId)
    .where("premise_id", "=", premiseId)
    .where("id", "=", id)
    .executeTakeFirst();
  return Number(gone.numDeletedRows) > 0;
}

export async function photosOf(db: Database, tenantId: string, premiseId: string): Promise<PremisePhoto[]> {
  return (
    await db
      .selectFrom("premise_photos")
      .select(["id", "alt", "file_id"])
      .where("tenant_id", "=", tenantId)
      .where("premise_id", "=", premiseId)
      .orderBy("created_at")
      .execute()
  ).map(toPhoto);
}

export async function findPhoto(db: Database, tenantId: string, premiseId: string, id: string): Promise<PremisePhoto | undefined> {
  const row = await db
    .selectFrom("premise_photos")
    .select(["id", "alt", "file_id"])
    .where("tenant_id", "=", tenantId)
    .where("premise_id", "=", premiseId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row && toPhoto(row);
}

export async function insertPhoto(db: Database, tenantId: string, premiseId: string, photo: PremisePhoto, now: string) {
  await db
    .insertInto("premise_photos")
    .values({ id: photo.id, tenant_id: tenantId, premise_id: premiseId, file_id: photo.fileId, alt: photo.alt, created_at: now })
    .execute();
}

/** Removes a photo of this premise and says which stored file it was; undefined when there was none. */
export async function deletePhoto(db: Database, tenantId: string, premiseId: string, id: string): Promise<string | undefined> {
  const gone = await db
    .deleteFrom("premise_photos")
    .where("tenant_id", "=", tenantId)
    .where("premise_id", "=", premiseId)
    .where("id", "=", id)
    .returning("file_id")
    .executeTakeFirst();
  return gone?.file_id;
}

/** An association's calendar address: only its hash is kept, and a new one replaces the old. */
export async function replaceCalendarToken(db: Database, tenantId: string, associationId: string, tokenHash: string, now: string) {
  await db.deleteFrom("calendar_tokens").where("tenant_id", "=", tenantId).where("association_id", "=", associationId).execute();
  await db.insertInto("calendar_tokens").values({ token_hash: tokenHash, tenant_id: tenantId, association_id: associationId, created_at: now }).execute();
}

/** The association a calendar address belongs to, with its name. */
export async function calendarOwner(db: Database, tenantId: string, tokenHash: string): Promise<{ associationId: string; name: string } | undefined> {
  const row = await db
    .selectFrom("calendar_tokens as c")
    .innerJoin("associations as a", (j) => j.onRef("a.id", "=", "c.association_id").onRef("a.tenant_id", "=", "c.tenant_id"))
    .select(["c.association_id", "a.name"])
    .where("c.tenant_id", "=", tenantId)
    .where("c.token_hash", "=", tokenHash)
    .executeTakeFirst();
  return row && { associationId: row.association_id, name: row.name };
}
