/**
 * Cooperation agreements' tables. Days are `YYYY-MM-DD` in the tenant's zone, instants ISO strings in UTC.
 */
export interface AgreementsTable {
  id: string;
  tenant_id: string;
  /** The first period's id: every renewal of one agreement shares it. */
  series_id: string;
  /** The period this one renewed. */
  previous_id: string | null;
  title: string;
  purpose: string;
  /** The id of one of the tenant's levels (agreement_levels). */
  level: string;
  status: string;
  municipal_unit: string;
  municipality_gives: string;
  starts_on: string;
  ends_on: string | null;
  /** 1 when the agreement is in the public register (purpose, level, parties, what each gives, period). */
  is_public: number;
  contact_name: string;
  contact_email: string;
  contact_phone: string;
  /** The caseworkers' own notes: never public. */
  notes: string;
  /** The caseworker who keeps the agreement and is reminded before it ends. */
  responsible_user_id: string | null;
  /** When the reminder before the end was sent (it goes once). */
  reminded_at: string | null;
  ended_at: string | null;
  /** Why it was ended, written when it was (the keepers' own words; never public). */
  end_note: string;
  created_at: string;
  updated_at: string;
}

/** The tenant's scale of cooperation levels, in order; the defaults' ids are information, dialogue, cooperation, partnership. */
export interface AgreementLevelsTable {
  tenant_id: string;
  id: string;
  position: number;
  /** JSON: the name in each of the tenant's languages, {"da": "Partnerskab", "en": "Partnership"}. */
  names: string;
  /** JSON: a short description in each language. */
  descriptions: string;
  created_at: string;
  updated_at: string;
}

export interface AgreementPartiesTable {
  tenant_id: string;
  agreement_id: string;
  association_id: string;
  position: number;
  gives: string;
}

export interface AgreementDocumentsTable {
  id: string;
  tenant_id: string;
  agreement_id: string;
  file_id: string;
  name: string;
  content_type: string;
  size: number;
  created_by: string | null;
  created_at: string;
}

export interface AgreementLinksTable {
  tenant_id: string;
  agreement_id: string;
  /** "grant_scheme" or "premise". */
  kind: string;
  ref_id: string;
}

declare module "../../db/schema.js" {
  interface DB {
    agreements: AgreementsTable;
    agreement_levels: AgreementLevelsTable;
    agreement_parties: AgreementPartiesTable;
    agreement_documents: AgreementDocumentsTable;
    agreement_links: AgreementLinksTable;
  }
}
