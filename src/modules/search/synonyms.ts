import { audit } from "../../platform/audit/audit.js";
import { isoNow } from "../../platform/clock.js";
import type { Lang } from "../../platform/i18n/i18n.js";
import { DEFAULT_SYNONYMS, formatSynonyms, parseSynonyms } from "../../platform/search/synonyms.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import { perSettingsVersion } from "../../platform/tenants/tenants.js";
import { synonymTexts, upsertSynonyms } from "./synonyms.repository.js";

/**
 * The groups a search uses: those of the page's language and of the tenant's own (the index speaks
 * the tenant's language; a person may type in theirs). A tenant that has not written its own list
 * has the defaults of each language.
 */
export async function synonymGroups(ctx: ServiceContext): Promise<string[][]> {
  const langs = [...new Set<Lang>([ctx.lang, ctx.tenant.defaultLanguage])];
  return groups.get(ctx.tenant, langs.join(","), async () => {
    const texts = await synonymTexts(ctx.db, ctx.tenant.id);
    return langs.flatMap((lang) => parseSynonyms(texts[lang] ?? DEFAULT_SYNONYMS[lang]));
  });
}

/** The parsed groups per tenant, settings version and languages: read again on any instance once they change. */
const groups = perSettingsVersion<string[][]>();

/** The text of each of the tenant's languages, as its administrator edits it. */
export async function synonymSettings(ctx: ServiceContext): Promise<{ lang: Lang; text: string }[]> {
  const texts = await synonymTexts(ctx.db, ctx.tenant.id);
  return ctx.tenant.languages.map((lang) => ({ lang, text: formatSynonyms(parseSynonyms(texts[lang] ?? DEFAULT_SYNONYMS[lang])) }));
}

/** Keeps the tenant's groups for the languages given, tidied (one group per line, no lone words); an emptied list stays empty. */
export async function saveSynonyms(ctx: ServiceContext, texts: Partial<Record<Lang, string>>): Promise<void> {
  groups.forget(ctx.tenant.id);
  await inTransaction(ctx, async (tx) => {
    for (const lang of tx.tenant.languages) {
      const text = texts[lang];
      if (text === undefined) continue;
      await upsertSynonyms(tx.db, tx.tenant.id, lang, formatSynonyms(parseSynonyms(text)), isoNow(tx.clock));
    }
    await audit(tx, "search.synonyms.changed", { type: "tenant", id: tx.tenant.id });
  });
}
