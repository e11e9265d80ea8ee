import type { Insertable } from "kysely";
import { auditEntry } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { deleteFiles, readStoredFile, storeFile } from "../../platform/files/images.js";
import { AppError, type FieldErrors, notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { canManagePremises } from "./premises.policy.js";
import * as repo from "./premises.repository.js";
import type { PremiseInput } from "./premises.schema.js";
import { premiseTree } from "./premises.service.js";
import type { PremiseHoursTable } from "./premises.table.js";

export function mayManage(ctx: ServiceContext) {
  authorize(ctx.actor, canManagePremises, { tenantId: ctx.tenant.id });
  return ctx.actor;
}

/** Everything staff need to edit one premise: it, its weekly hours and its closures. */
export async function editData(ctx: ServiceContext, id: string) {
  mayManage(ctx);
  const tree = await premiseTree(ctx);
  const premise = tree.byId.get(id);
  if (!premise) throw notFound();
  const [hours, closures] = await Promise.all([
    repo.hoursOf(ctx.db, ctx.tenant.id, [id]),
    ctx.db.selectFrom("premise_closures").selectAll().where("tenant_id", "=", ctx.tenant.id).where("premise_id", "=", id).orderBy("from_date").execute(),
  ]);
  const seasons = new Map<string, { from: string; to: string; hours: repo.HoursRow[] }>();
  for (const h of hours.filter((x) => x.valid_from && x.valid_to).sort((a, b) => a.weekday - b.weekday)) {
    const key = `${h.valid_from}|${h.valid_to}`;
    const season = seasons.get(key) ?? { from: h.valid_from ?? "", to: h.valid_to ?? "", hours: [] };
    season.hours.push(h);
    seasons.set(key, season);
  }
  return { premise, tree, hours: hours.filter((h) => !h.valid_from), closures, seasons: [...seasons.values()].sort((a, b) => a.from.localeCompare(b.from)) };
}

/** Saves a premise; it may sit inside another, never inside itself or one of its own parts. */
export async function savePremise(ctx: ServiceContext, id: string | null, input: PremiseInput): Promise<string> {
  const actor = mayManage(ctx);
  const tree = await premiseTree(ctx);
  if (id && !tree.byId.has(id)) throw notFound();
  if (input.parentId && (!tree.byId.has(input.parentId) || (id !== null && tree.withParts(id).includes(input.parentId))))
    throw new AppError(422, "validation_failed", "premise.parent.invalid", { parentId: "premise.parent.invalid" });
  const now = isoNow(ctx.clock);
  const values = {
    parent_id: input.parentId,
    kind: input.kind,
    name: input.name,
    description: input.description,
    address: input.address,
    postcode: input.postcode,
    capacity: input.capacity,
    size_m2: input.sizeM2,
    facilities: input.facilities
      .split(",")
      .map((f) => f.trim())
      .filter(Boolean)
      .join(","),
    accessibility: input.accessibility.join(","),
    house_rules: input.houseRules,
    access_details: input.accessDetails,
    bookable: input.bookable ? 1 : 0,
    who_may_book: input.whoMayBook,
    approval: input.approval,
    price_per_hour: input.pricePerHour,
    min_minutes: input.minMinutes,
    max_minutes: input.maxMinutes,
    max_days_ahead: input.maxDaysAhead,
    buffer_minutes: input.bufferMinutes,
    cancel_hours: input.cancelHours,
    updated_at: now,
  };
  const saved = id ?? newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (id) await trx.updateTable("premises").set(values).where("tenant_id", "=", ctx.tenant.id).where("id", "=", id).execute();
    else
      await trx
        .insertInto("premises")
        .values({ ...values, id: saved, tenant_id: ctx.tenant.id, created_at: now })
        .execute();
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "premise.saved",
      entityType: "premise",
      entityId: saved,
      ip: ctx.ip,
    });
  });
  return saved;
}

/** Replaces the all-year weekly hours, or a season's; a day with neither time is closed. */
export async function saveHours(
  ctx: ServiceContext,
  id: string,
  input: Record<string, string>,
  season: { from: string; to: string } | null,
): Promise<FieldErrors> {
  const actor = mayManage(ctx);
  if (!(await repo.findPremise(ctx.db, ctx.tenant.id, id))) throw notFound();
  const errors: FieldErrors = {};
  const rows: Insertable<PremiseHoursTable>[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const opens = input[`opens${weekday}`] ?? "";
    const closes = input[`closes${weekday}`] ?? "";
    if (!opens && !closes) continue;
    if (!opens || !closes || closes <= opens) {
      errors[`opens${weekday}`] = "premise.hours.order";
      continue;
    }
    rows.push({
      id: newId(),
      tenant_id: ctx.tenant.id,
      premise_id: id,
      weekday,
      opens,
      closes,
      valid_from: season?.from ?? null,
      valid_to: season?.to ?? null,
    });
  }
  if (Object.keys(errors).length > 0) return errors;
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom("premise_hours")
      .where("tenant_id", "=", ctx.tenant.id)
      .where("premise_id", "=", id)
      .where("valid_from", season ? "=" : "is", season?.from ?? null)
      .where("valid_to", season ? "=" : "is", season?.to ?? null)
      .execute();
    if (rows.length > 0) await trx.insertInto("premise_hours").values(rows).execute();
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "premise.hours_saved",
      entityType: "premise",
      entityId: id,
      ip: ctx.ip,
    });
  });
  return {};
}

export async function addClosure(ctx: ServiceContext, id: string, input: { from: string; to: string; reason: string }) {
  const actor = mayManage(ctx);
  if (!(await repo.findPremise(ctx.db, ctx.tenant.id, id))) throw notFound();
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto("premise_closures")
      .values({ id: newId(), tenant_id: ctx.tenant.id, premise_id: id, from_date: input.from, to_date: input.to, reason: input.reason })
      .execute();
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "premise.closure_added",
      entityType: "premise",
      entityId: id,
      ip: ctx.ip,
    });
  });
}

export async function removeClosure(ctx: ServiceContext, id: string, closureId: string) {
  const actor = mayManage(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom("premise_closures")
      .where("tenant_id", "=", ctx.tenant.id)
      .where("premise_id", "=", id)
      .where("id", "=", closureId)
      .executeTakeFirst();
    if (Number(gone.numDeletedRows) === 0) throw notFound();
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "premise.closure_removed",
      entityType: "premise",
      entityId: id,
      ip: ctx.ip,
    });
  });
}

export const PHOTO_MAX_BYTES = 500 * 1024;

export async function photosOf(db: ServiceContext["db"], tenantId: string, premiseId: string) {
  return db
    .selectFrom("premise_photos")
    .select(["id", "alt", "file_id"])
    .where("tenant_id", "=", tenantId)
    .where("premise_id", "=", premiseId)
    .orderBy("created_at")
    .execute();
}

/** A photo of a premise with what it shows in words; checked as an image by its bytes. */
export async function addPhoto(ctx: ServiceContext, premiseId: string, photo: { data: Buffer; contentType: string } | null, text: string) {
  const actor = mayManage(ctx);
  if (!(await repo.findPremise(ctx.db, ctx.tenant.id, premiseId))) throw notFound();
  if (!photo) throw new AppError(422, "validation_failed", "premise.photo.required", { photo: "premise.photo.required" });
  const alt = text.trim().slice(0, 300);
  if (alt.length < 3) throw new AppError(422, "validation_failed", "premise.photo.alt.required", { alt: "premise.photo.alt.required" });
  await ctx.db.transaction().execute(async (trx) => {
    const fileId = await storeFile(trx, ctx.clock, ctx.tenant.id, photo);
    await trx
      .insertInto("premise_photos")
      .values({ id: newId(), tenant_id: ctx.tenant.id, premise_id: premiseId, file_id: fileId, alt, created_at: isoNow(ctx.clock) })
      .execute();
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "premise.photo_added",
      entityType: "premise",
      entityId: premiseId,
      ip: ctx.ip,
    });
  });
}

export async function removePhoto(ctx: ServiceContext, premiseId: string, photoId: string) {
  const actor = mayManage(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    const gone = await trx
      .deleteFrom("premise_photos")
      .where("tenant_id", "=", ctx.tenant.id)
      .where("premise_id", "=", premiseId)
      .where("id", "=", photoId)
      .returning("file_id")
      .executeTakeFirst();
    if (!gone) throw notFound();
    await deleteFiles(trx, ctx.tenant.id, [gone.file_id]);
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "premise.photo_removed",
      entityType: "premise",
      entityId: premiseId,
      ip: ctx.ip,
    });
  });
}

/** A photo's bytes, for anyone: premises are public. */
export async function photoFile(ctx: ServiceContext, premiseId: string, photoId: string) {
  const photo = await ctx.db
    .selectFrom("premise_photos")
    .select("file_id")
    .where("tenant_id", "=", ctx.tenant.id)
    .where("premise_id", "=", premiseId)
    .where("id", "=", photoId)
    .executeTakeFirst();
  const file = photo ? await readStoredFile(ctx.db, ctx.tenant.id, photo.file_id) : undefined;
  if (!file) throw notFound();
  return file;
}

/** Deletes a premise nobody has booked or applied for and that has no parts; otherwise says why not. */
export async function deletePremise(ctx: ServiceContext, id: string): Promise<FieldErrors> {
  const actor = mayManage(ctx);
  if (!(await repo.findPremise(ctx.db, ctx.tenant.id, id))) throw notFound();
  const [part, booking, wish] = await Promise.all([
    ctx.db.selectFrom("premises").select("id").where("tenant_id", "=", ctx.tenant.id).where("parent_id", "=", id).executeTakeFirst(),
    ctx.db.selectFrom("bookings").select("id").where("tenant_id", "=", ctx.tenant.id).where("premise_id", "=", id).executeTakeFirst(),
    ctx.db
      .selectFrom("allocation_applications")
      .select("id")
      .where("tenant_id", "=", ctx.tenant.id)
      .where((eb) => eb.or([eb("first_premise_id", "=", id), eb("second_premise_id", "=", id), eb("placed_premise_id", "=", id)]))
      .executeTakeFirst(),
  ]);
  if (part) return { name: "premise.delete.hasParts" };
  if (booking || wish) return { name: "premise.delete.inUse" };
  await ctx.db.transaction().execute(async (trx) => {
    const photos = await photosOf(trx, ctx.tenant.id, id);
    await trx.deleteFrom("premises").where("tenant_id", "=", ctx.tenant.id).where("id", "=", id).execute();
    await deleteFiles(
      trx,
      ctx.tenant.id,
      photos.map((p) => p.file_id),
    );
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: "premise.deleted",
      entityType: "premise",
      entityId: id,
      ip: ctx.ip,
    });
  });
  return {};
}
