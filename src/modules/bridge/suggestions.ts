import { audit } from "../../platform/audit/audit.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { cachedSearch } from "../../platform/search/query.js";
import { tenantIndex } from "../../platform/search/search-index.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { associationNames } from "../associations/index.js";
import { publicOffers } from "../directory/index.js";
import { publishedEvent } from "../events/index.js";
import { type Match, matchesFor, type VolunteerProfile } from "../matching/index.js";
import { getVisible } from "../opportunities/index.js";
import type { BridgeCase, BridgePick, Need } from "./bridge.model.js";
import { openCase } from "./cases.js";
import * as repo from "./handover.repository.js";
import type { PickInput } from "./handover.schema.js";

const SUGGESTIONS = 15;
const FOUND = 10;

/** The matching's needs, from the case's: the rest have no counterpart there and are things to check by hand. */
const MATCHING_NEEDS: Partial<Record<Need, VolunteerProfile["needs"][number]>> = {
  company_first_times: "companion",
  step_free: "step_free",
  language: "no_local_language",
};

/** The person as the matching reads them, from what the intake wrote down. */
export const profileOfCase = (c: BridgeCase): VolunteerProfile => ({
  userId: c.id,
  interests: c.interests,
  skills: "",
  slots: c.slots,
  postcode: c.postcode,
  maxKm: null,
  languages: c.languages,
  needs: c.needs.flatMap((n) => MATCHING_NEEDS[n] ?? []),
  setting: "any",
  rhythm: "any",
  updatedAt: c.updatedAt,
});

/** The needs the matching cannot weigh: the bridge-builder checks them with the association. */
export const needsToCheck = (c: BridgeCase): Need[] => c.needs.filter((n) => !MATCHING_NEEDS[n]);

/** Whether the association says it welcomes people who come with support. */
export const welcomesSupport = (m: Pick<Match, "doc">) => (m.doc.facets.accessibility ?? []).includes("supported_welcome");

export interface Suggestions {
  case: BridgeCase;
  matches: Match[];
  picks: BridgePick[];
  toCheck: Need[];
  /** What the search box found, when something was searched for. */
  found: (Match["doc"] & { kind: BridgePick["kind"] })[] | null;
  q: string;
}

/** What suits the person, ranked with the reasons, their picks so far, and what the search box found. */
export async function suggestionsFor(ctx: ServiceContext, caseId: string, q = ""): Promise<Suggestions> {
  const c = await openCase(ctx, caseId);
  const [matches, picks] = await Promise.all([matchesFor(ctx, profileOfCase(c), SUGGESTIONS), repo.picksOf(ctx.db, ctx.tenant.id, c.id)]);
  return { case: c, matches, picks, toCheck: needsToCheck(c), found: q ? await findByTitle(ctx, q) : null, q };
}

/** Associations, offers, jobs and events whose words match, for the bridge-builder's own picks. */
async function findByTitle(ctx: ServiceContext, q: string) {
  const index = await tenantIndex(ctx.db, ctx.tenant.id, ctx.tenant.defaultLanguage, ctx.tenant.searchChanges);
  const result = await cachedSearch(index, {
    q,
    filters: { kind: ["association", "offer", "opportunity", "event"] },
    origin: null,
    withinKm: null,
    sort: "relevance",
    today: isoNow(ctx.clock).slice(0, 10),
    offset: 0,
    limit: FOUND,
  });
  // Only the kinds asked for come back; the type says so too (guides, say, are never a pick).
  return result.hits.map((h) => h.doc).filter((d): d is typeof d & { kind: BridgePick["kind"] } => d.kind !== "guide");
}

/** The offer, job or event picked, found inside the tenant through its own module: its title and association. */
async function target(ctx: ServiceContext, kind: BridgePick["kind"], id: string) {
  if (kind === "offer") {
    const offer = (await publicOffers(ctx, { id, offset: 0, limit: 1, search: null, modifiedAfter: null })).rows[0];
    return offer && { title: offer.title, associationId: offer.associationId, category: offer.category?.code ?? null };
  }
  if (kind === "opportunity") {
    const job = await getVisible(ctx, id).catch(() => undefined);
    return job && { title: job.title, associationId: job.associationId, category: null };
  }
  if (kind === "event") {
    const event = await publishedEvent(ctx, id);
    return event && { ...event, category: null };
  }
  const name = (await associationNames(ctx, [id])).get(id);
  return name === undefined ? undefined : { title: name, associationId: id, category: null };
}

/** Adds a suggestion to the case's picks; the case moves on to choosing. */
export async function addPick(ctx: ServiceContext, caseId: string, input: Extract<PickInput, { action: "add" }>): Promise<void> {
  const c = await openCase(ctx, caseId);
  const found = await target(ctx, input.kind, input.targetId);
  if (!found) throw invalidField("targetId", "bridge.pick.unknown");
  const picks = await repo.picksOf(ctx.db, ctx.tenant.id, c.id);
  if (picks.some((p) => p.kind === input.kind && p.targetId === input.targetId))
    throw conflict("conflict", "bridge.pick.already", { targetId: "bridge.pick.already" });
  await inTransaction(ctx, async (tx) => {
    const id = newId();
    const now = isoNow(tx.clock);
    await repo.insertPick(tx.db, tx.tenant.id, {
      id,
      caseId: c.id,
      kind: input.kind,
      targetId: input.targetId,
      associationId: found.associationId,
      title: found.title,
      category: found.category,
      pickedBy: input.pickedBy,
      chosen: false,
      createdAt: now,
    });
    if (c.status === "intake") await repo.setCaseStatus(tx.db, tx.tenant.id, c.id, "choosing", now);
    await audit(tx, "bridge.picked", { type: "bridge_case", id: c.id }, { pick: id, kind: input.kind, by: input.pickedBy });
  });
}

/** The person chooses a pick (or changes their mind). */
export async function choosePick(ctx: ServiceContext, caseId: string, pickId: string, chosen: boolean): Promise<void> {
  const c = await openCase(ctx, caseId);
  const pick = (await repo.picksOf(ctx.db, ctx.tenant.id, c.id)).find((p) => p.id === pickId);
  if (!pick) throw invalidField("pickId", "bridge.pick.unknown");
  await inTransaction(ctx, async (tx) => {
    await repo.setChosen(tx.db, tx.tenant.id, c.id, pick.id, chosen);
    await audit(tx, "bridge.chosen", { type: "bridge_case", id: c.id }, { pick: pick.id, chosen });
  });
}
