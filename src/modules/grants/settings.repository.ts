import type { Database } from "../../db/database.js";
import type { LocalText } from "./form.model.js";
import type { Decision } from "./grants.model.js";

/** A letter's template in one language; `{association}`, `{title}`, `{amount}`, `{reason}`, `{reference}` are filled in. */
export interface LetterTemplate {
  subject: string;
  body: string;
}

export interface GrantSettings {
  funderId: string | null;
  funderName: string | null;
  idPrefix: string | null;
  /** The tenant's own letters by decision and language; where one is missing the catalog's default is used. */
  letterTemplates: Partial<Record<Decision, Partial<Record<string, LetterTemplate>>>>;
  appealNote: LocalText;
}

const EMPTY: GrantSettings = { funderId: null, funderName: null, idPrefix: null, letterTemplates: {}, appealNote: {} };

export async function findSettings(db: Database, tenantId: string): Promise<GrantSettings> {
  const row = await db.selectFrom("grant_settings").selectAll().where("tenant_id", "=", tenantId).executeTakeFirst();
  if (!row) return EMPTY;
  return {
    funderId: row.funder_id,
    funderName: row.funder_name,
    idPrefix: row.id_prefix,
    letterTemplates: JSON.parse(row.letter_templates) as GrantSettings["letterTemplates"],
    appealNote: JSON.parse(row.appeal_note) as LocalText,
  };
}

export async function putSettings(db: Database, tenantId: string, s: GrantSettings, at: string): Promise<void> {
  const values = {
    funder_id: s.funderId,
    funder_name: s.funderName,
    id_prefix: s.idPrefix,
    letter_templates: JSON.stringify(s.letterTemplates),
    appeal_note: JSON.stringify(s.appealNote),
    updated_at: at,
  };
  await db
    .insertInto("grant_settings")
    .values({ tenant_id: tenantId, ...values })
    .onConflict((oc) => oc.column("tenant_id").doUpdateSet(values))
    .execute();
}
