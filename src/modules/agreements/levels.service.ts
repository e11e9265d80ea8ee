import { audit } from "../../platform/audit/audit.js";
import { authorize } from "../../platform/auth/policy.js";
import { isoNow } from "../../platform/clock.js";
import { conflict, invalidField, notFound } from "../../platform/http/errors.js";
import { LANGUAGES, translator } from "../../platform/i18n/i18n.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { levelNameKeys, levelTextKeys } from "./agreements.labels.js";
import { type AgreementLevel, DEFAULT_LEVELS, type LangTexts, type LevelName, levelNames, MAX_LEVELS } from "./agreements.model.js";
import { canManageAgreements } from "./agreements.policy.js";
import * as repo from "./agreements.repository.js";
import type { LevelInput } from "./agreements.schema.js";

type Ctx = Pick<ServiceContext, "db" | "tenant" | "clock">;

const mayManage = (ctx: ServiceContext) => authorize(ctx.actor, canManageAgreements, { tenantId: ctx.tenant.id });

/** The four levels a tenant starts with, named from the catalogs in every language. */
export function defaultLevels(): AgreementLevel[] {
  return DEFAULT_LEVELS.map((id, position) => ({
    id,
    position,
    names: Object.fromEntries(LANGUAGES.map((lang) => [lang, translator(lang)(levelNameKeys[id])])),
    descriptions: Object.fromEntries(LANGUAGES.map((lang) => [lang, translator(lang)(levelTextKeys[id])])),
  }));
}

/** The tenant's scale, in order; a tenant that has none yet gets the four defaults on first use. */
export async function tenantLevels(ctx: Ctx): Promise<AgreementLevel[]> {
  const found = await repo.listLevels(ctx.db, ctx.tenant.id);
  if (found.length > 0) return found;
  await repo.insertLevels(ctx.db, ctx.tenant.id, defaultLevels(), isoNow(ctx.clock));
  return repo.listLevels(ctx.db, ctx.tenant.id);
}

/** The scale in the reader's language (the tenant's own where a name is missing). */
export async function readerLevels(ctx: Ctx & Pick<ServiceContext, "lang">): Promise<LevelName[]> {
  return levelNames(await tenantLevels(ctx), ctx.lang, ctx.tenant.defaultLanguage);
}

/** The scale for its keepers: each level with its texts and how many agreements have it. */
export async function levelsToKeep(
  ctx: ServiceContext,
): Promise<{ levels: AgreementLevel[]; used: Record<string, number>; languages: ServiceContext["tenant"]["languages"] }> {
  mayManage(ctx);
  const levels = await tenantLevels(ctx);
  const counts = await Promise.all(levels.map((l) => repo.agreementsAtLevel(ctx.db, ctx.tenant.id, l.id)));
  return { levels, used: Object.fromEntries(levels.map((l, i) => [l.id, counts[i] ?? 0])), languages: languagesOf(ctx) };
}

/** The tenant's languages, its own first. */
const languagesOf = (ctx: ServiceContext) => [ctx.tenant.defaultLanguage, ...ctx.tenant.languages.filter((l) => l !== ctx.tenant.defaultLanguage)];

/** One level to change: a keeper's, in the tenant (else 404). */
export async function levelToKeep(ctx: ServiceContext, id: string): Promise<AgreementLevel> {
  mayManage(ctx);
  const found = (await tenantLevels(ctx)).find((l) => l.id === id);
  if (!found) throw notFound();
  return found;
}

/** The texts of the tenant's languages only; a name in its own language is needed, and no two levels share it. */
function checkedTexts(ctx: ServiceContext, levels: AgreementLevel[], input: LevelInput, self: string | null) {
  const own = ctx.tenant.defaultLanguage;
  const keep = (texts: LangTexts) => Object.fromEntries(languagesOf(ctx).flatMap((l) => (texts[l] ? [[l, texts[l]]] : []))) as LangTexts;
  const names = keep(input.names);
  const name = names[own];
  if (!name) throw invalidField(`name_${own}`, "agreements.levels.error.nameRequired");
  const taken = levels.some((l) => l.id !== self && (l.names[own] ?? "").toLocaleLowerCase(own) === name.toLocaleLowerCase(own));
  if (taken) throw invalidField(`name_${own}`, "agreements.levels.error.nameTaken");
  return { names, descriptions: keep(input.descriptions) };
}

export async function addLevel(ctx: ServiceContext, input: LevelInput): Promise<AgreementLevel> {
  mayManage(ctx);
  const levels = await tenantLevels(ctx);
  const texts = checkedTexts(ctx, levels, input, null);
  if (levels.length >= MAX_LEVELS) throw invalidField(`name_${ctx.tenant.defaultLanguage}`, "agreements.levels.error.tooMany");
  const level: AgreementLevel = { id: newId(), position: Math.max(-1, ...levels.map((l) => l.position)) + 1, ...texts };
  return inTransaction(ctx, async (tx) => {
    await repo.insertLevels(tx.db, tx.tenant.id, [level], isoNow(tx.clock));
    await audit(tx, "agreements.level_added", { type: "agreement_level", id: level.id });
    return level;
  });
}

export async function changeLevel(ctx: ServiceContext, id: string, input: LevelInput): Promise<void> {
  const before = await levelToKeep(ctx, id);
  const texts = checkedTexts(ctx, await tenantLevels(ctx), input, id);
  await inTransaction(ctx, async (tx) => {
    await repo.updateLevel(tx.db, tx.tenant.id, { ...before, ...texts }, isoNow(tx.clock));
    await audit(tx, "agreements.level_changed", { type: "agreement_level", id });
  });
}

/** One step up or down the scale (the first cannot go up, nor the last down: nothing happens). */
export async function moveLevel(ctx: ServiceContext, id: string, direction: "up" | "down"): Promise<void> {
  await levelToKeep(ctx, id);
  const levels = await tenantLevels(ctx);
  const from = levels.findIndex((l) => l.id === id);
  const to = direction === "up" ? from - 1 : from + 1;
  const moved = levels[from];
  const other = levels[to];
  if (!moved || !other) return;
  const order = [...levels];
  order[from] = other;
  order[to] = moved;
  await inTransaction(ctx, async (tx) => {
    const at = isoNow(tx.clock);
    for (const [position, level] of order.entries()) if (level.position !== position) await repo.updateLevel(tx.db, tx.tenant.id, { ...level, position }, at);
    await audit(tx, "agreements.level_moved", { type: "agreement_level", id }, { direction });
  });
}

/** Removes a level no agreement has (ended and earlier periods count too), and never the last one. */
export async function removeLevel(ctx: ServiceContext, id: string): Promise<void> {
  await levelToKeep(ctx, id);
  if ((await tenantLevels(ctx)).length <= 1) throw conflict("conflict", "agreements.levels.error.last");
  if ((await repo.agreementsAtLevel(ctx.db, ctx.tenant.id, id)) > 0) throw conflict("conflict", "agreements.levels.error.inUse");
  await inTransaction(ctx, async (tx) => {
    await repo.deleteLevel(tx.db, tx.tenant.id, id);
    await audit(tx, "agreements.level_removed", { type: "agreement_level", id });
  });
}
