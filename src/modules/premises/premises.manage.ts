import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { deleteFiles, readStoredFile, storeFile } from "../../platform/files/images.js";
import { type FieldErrors, invalid, invalidField, notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { OpeningHours, PremiseFields } from "./premises.model.js";
import { canManagePremises } from "./premises.policy.js";
import * as repo from "./premises.repository.js";
import type { PremiseInput } from "./premises.schema.js";
import { premiseTree } from "./premises.service.js";

export function mayManage(ctx: ServiceContext) {
  authorize(ctx.actor, canManagePremises, { tenantId: ctx.tenant.id });
  return ctx.actor;
}

/** Everything staff need to edit one premise: it, its weekly hours, its seasons' hours, its closures and photos. */
export async function editData(ctx: ServiceContext, id: string) {
  mayManage(ctx);
  const tree = await premiseTree(ctx);
  const premise = tree.byId.get(id);
  if (!premise) throw notFound();
  const [hours, closures, photos] = await Promise.all([
    repo.hoursOf(ctx.db, ctx.tenant.id, [id]),
    repo.closuresOfPremise(ctx.db, ctx.tenant.id, id),
    repo.photosOf(ctx.db, ctx.tenant.id, id),
  ]);
  const seasons = new Map<string, { from: string; to: string; hours: OpeningHours[] }>();
  for (const h of hours.filter((x) => x.validFrom && x.validTo).sort((a, b) => a.weekday - b.weekday)) {
    const key = `${h.validFrom}|${h.validTo}`;
    const season = seasons.get(key) ?? { from: h.validFrom ?? "", to: h.validTo ?? "", hours: [] };
    season.hours.push(h);
    seasons.set(key, season);
  }
  return {
    premise,
    tree,
    hours: hours.filter((h) => !h.validFrom),
    closures,
    photos,
    seasons: [...seasons.values()].sort((a, b) => a.from.localeCompare(b.from)),
  };
}

const fieldsOf = (input: PremiseInput): PremiseFields => ({
  parentId: input.parentId,
  kind: input.kind,
  name: input.name,
  description: input.description,
  address: input.address,
  postcode: input.postcode,
  capacity: input.capacity,
  sizeM2: input.sizeM2,
  // Typed as "projector, kitchen": a list of codes.
  facilities: input.facilities
    .split(",")
    .map((f) => f.trim())
    .filter(Boolean),
  accessibility: input.accessibility,
  houseRules: input.houseRules,
  accessDetails: input.accessDetails,
  bookable: input.bookable,
  whoMayBook: input.whoMayBook,
  approval: input.approval,
  pricePerHour: input.pricePerHour,
  minMinutes: input.minMinutes,
  maxMinutes: input.maxMinutes,
  maxDaysAhead: input.maxDaysAhead,
  bufferMinutes: input.bufferMinutes,
  cancelHours: input.cancelHours,
});

/** Saves a premise; it may sit inside another, never inside itself or one of its own parts. */
export async function savePremise(ctx: ServiceContext, id: string | null, input: PremiseInput): Promise<string> {
  mayManage(ctx);
  const tree = await premiseTree(ctx);
  if (id && !tree.byId.has(id)) throw notFound();
  if (input.parentId && (!tree.byId.has(input.parentId) || (id !== null && tree.withParts(id).includes(input.parentId))))
    throw invalidField("parentId", "premise.parent.invalid");
  const now = isoNow(ctx.clock);
  const saved = id ?? newId();
  await inTransaction(ctx, async (tx) => {
    if (id) await repo.updatePremise(tx.db, ctx.tenant.id, id, fieldsOf(input), now);
    else await repo.insertPremise(tx.db, ctx.tenant.id, saved, fieldsOf(input), now);
    await audit(tx, "premise.saved", { type: "premise", id: saved });
  });
  return saved;
}

/** Replaces the all-year weekly hours, or a season's; a day with neither time is closed. */
export async function saveHours(ctx: ServiceContext, id: string, input: Record<string, string>, season: { from: string; to: string } | null) {
  mayManage(ctx);
  if (!(await repo.findPremise(ctx.db, ctx.tenant.id, id))) throw notFound();
  const errors: FieldErrors = {};
  const hours: { id: string; weekday: number; opens: string; closes: string }[] = [];
  for (let weekday = 1; weekday <= 7; weekday++) {
    const opens = input[`opens${weekday}`] ?? "";
    const closes = input[`closes${weekday}`] ?? "";
    if (!opens && !closes) continue;
    if (!opens || !closes || closes <= opens) errors[`opens${weekday}`] = "premise.hours.order";
    else hours.push({ id: newId(), weekday, opens, closes });
  }
  if (Object.keys(errors).length > 0) throw invalid(errors);
  await inTransaction(ctx, async (tx) => {
    await repo.replaceHours(tx.db, ctx.tenant.id, id, season, hours);
    await audit(tx, "premise.hours_saved", { type: "premise", id });
  });
}

export async function addClosure(ctx: ServiceContext, id: string, input: { from: string; to: string; reason: string }) {
  mayManage(ctx);
  if (!(await repo.findPremise(ctx.db, ctx.tenant.id, id))) throw notFound();
  await inTransaction(ctx, async (tx) => {
    await repo.insertClosure(tx.db, ctx.tenant.id, { id: newId(), premiseId: id, fromDate: input.from, toDate: input.to, reason: input.reason });
    await audit(tx, "premise.closure_added", { type: "premise", id });
  });
}

export async function removeClosure(ctx: ServiceContext, id: string, closureId: string) {
  mayManage(ctx);
  await inTransaction(ctx, async (tx) => {
    if (!(await repo.deleteClosure(tx.db, ctx.tenant.id, id, closureId))) throw notFound();
    await audit(tx, "premise.closure_removed", { type: "premise", id });
  });
}

export const PHOTO_MAX_BYTES = 500 * 1024;

/** A photo of a premise with what it shows in words; checked as an image by its bytes. */
export async function addPhoto(ctx: ServiceContext, premiseId: string, photo: { data: Buffer; contentType: string } | null, text: string) {
  mayManage(ctx);
  if (!(await repo.findPremise(ctx.db, ctx.tenant.id, premiseId))) throw notFound();
  if (!photo) throw invalidField("photo", "premise.photo.required");
  const alt = text.trim().slice(0, 300);
  if (alt.length < 3) throw invalidField("alt", "premise.photo.alt.required");
  await inTransaction(ctx, async (tx) => {
    const fileId = await storeFile(tx.db, ctx.clock, ctx.tenant.id, photo);
    await repo.insertPhoto(tx.db, ctx.tenant.id, premiseId, { id: newId(), fileId, alt }, isoNow(ctx.clock));
    await audit(tx, "premise.photo_added", { type: "premise", id: premiseId });
  });
}

export async function removePhoto(ctx: ServiceContext, premiseId: string, photoId: string) {
  mayManage(ctx);
  await inTransaction(ctx, async (tx) => {
    const fileId = await repo.deletePhoto(tx.db, ctx.tenant.id, premiseId, photoId);
    if (!fileId) throw notFound();
    await deleteFiles(tx.db, ctx.tenant.id, [fileId]);
    await audit(tx, "premise.photo_removed", { type: "premise", id: premiseId });
  });
}

/** A photo's bytes, for anyone: premises are public. */
export async function photoFile(ctx: ServiceContext, premiseId: string, photoId: string) {
  const photo = await repo.findPhoto(ctx.db, ctx.tenant.id, premiseId, photoId);
  const file = photo ? await readStoredFile(ctx.db, ctx.tenant.id, photo.fileId) : undefined;
  if (!file) throw notFound();
  return file;
}

/** A premise's photos, for its public page. */
export async function photosOf(ctx: ServiceContext, premiseId: string) {
  return repo.photosOf(ctx.db, ctx.tenant.id, premiseId);
}

/** Deletes a premise nobody has booked or applied for and that has no parts; otherwise says why not (422). */
export async function deletePremise(ctx: ServiceContext, id: string) {
  mayManage(ctx);
  if (!(await repo.findPremise(ctx.db, ctx.tenant.id, id))) throw notFound();
  const use = await repo.premiseUse(ctx.db, ctx.tenant.id, id);
  if (use.hasParts) throw invalidField("name", "premise.delete.hasParts");
  if (use.inUse) throw invalidField("name", "premise.delete.inUse");
  await inTransaction(ctx, async (tx) => {
    const photos = await repo.photosOf(tx.db, ctx.tenant.id, id);
    await repo.deletePremiseRow(tx.db, ctx.tenant.id, id);
    await deleteFiles(
      tx.db,
      ctx.tenant.id,
      photos.map((p) => p.fileId),
    );
    await audit(tx, "premise.deleted", { type: "premise", id });
  });
}
