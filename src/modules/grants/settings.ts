import { audit } from "../../platform/audit/audit.js";
import { isoNow } from "../../platform/clock.js";
import type { Lang } from "../../platform/i18n/i18n.js";
import { inTransaction, type ServiceContext } from "../../platform/service-context.js";
import type { LocalText } from "./form.model.js";
import { DECISIONS } from "./grants.model.js";
import { defaultLetterTemplate } from "./letters.js";
import { mayManage } from "./schemes.js";
import type { SettingsInput } from "./schemes.schema.js";
import { findSettings, type GrantSettings, putSettings } from "./settings.repository.js";

export async function grantSettings(ctx: ServiceContext): Promise<GrantSettings> {
  mayManage(ctx);
  return findSettings(ctx.db, ctx.tenant.id);
}

/** The settings form's values: a letter not written by the tenant shows the house's text to start from. */
export function settingsValues(settings: GrantSettings, languages: Lang[]): Record<string, string> {
  const values: Record<string, string> = {
    funderId: settings.funderId ?? "",
    funderName: settings.funderName ?? "",
    idPrefix: settings.idPrefix ?? "",
  };
  for (const d of DECISIONS) {
    for (const l of languages) {
      const own = settings.letterTemplates[d]?.[l];
      const house = defaultLetterTemplate(d, l);
      values[`subject_${d}_${l}`] = own?.subject || house.subject;
      values[`body_${d}_${l}`] = own?.body || house.body;
    }
  }
  for (const l of languages) values[`appeal_${l}`] = settings.appealNote[l] ?? "";
  return values;
}

/**
 * Saves the identifiers, letters and appeal note. A letter left as the house's text (or emptied) is not
 * kept, so it follows the house's wording; only the tenant's own words are stored.
 */
export async function saveSettings(ctx: ServiceContext, input: SettingsInput): Promise<void> {
  mayManage(ctx);
  const input_ = input as Record<string, string>;
  const letterTemplates: GrantSettings["letterTemplates"] = {};
  for (const d of DECISIONS) {
    for (const l of ctx.tenant.languages) {
      const house = defaultLetterTemplate(d, l);
      const subject = (input_[`subject_${d}_${l}`] ?? "").trim();
      const body = (input_[`body_${d}_${l}`] ?? "").replace(/\r\n/g, "\n").trim();
      if (!subject || !body || (subject === house.subject && body === house.body.trim())) continue;
      letterTemplates[d] = { ...(letterTemplates[d] ?? {}), [l]: { subject, body } };
    }
  }
  const appealNote: LocalText = Object.fromEntries(ctx.tenant.languages.map((l) => [l, (input_[`appeal_${l}`] ?? "").trim()]).filter(([, v]) => v));
  const settings: GrantSettings = {
    funderId: input.funderId || null,
    funderName: input.funderName || null,
    idPrefix: input.idPrefix || null,
    letterTemplates,
    appealNote,
  };
  await inTransaction(ctx, async (tx) => {
    await putSettings(tx.db, tx.tenant.id, settings, isoNow(ctx.clock));
    await audit(tx, "grants.settings_changed", { type: "grant_settings", id: ctx.tenant.id });
  });
}
