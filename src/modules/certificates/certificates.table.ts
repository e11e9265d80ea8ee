/**
 * Child-protection certificates' tables. Days are `YYYY-MM-DD` in the tenant's zone; instants ISO strings in UTC.
 * The certificate itself is never stored: only that it was asked for, the consent window and one of two outcomes.
 */
export interface CertificateSettingsTable {
  tenant_id: string;
  renewal_months: number;
  updated_at: string;
}

export interface ChildCertificatesTable {
  id: string;
  tenant_id: string;
  association_id: string;
  opportunity_id: string | null;
  /** The volunteer. */
  name: string;
  email: string;
  requested_on: string;
  requested_by: string | null;
  consented_on: string | null;
  consent_lapses_on: string | null;
  consent_recorded_by: string | null;
  /** Only these two: the content of a certificate is never written down. */
  outcome: "no_remarks" | "follow_up" | null;
  assessed_on: string | null;
  assessed_by: string | null;
  renew_on: string | null;
  /** The day the volunteer stopped; the record is deleted some months later. */
  left_on: string | null;
  /** Practicalities only (who sends the request, when to remind). */
  note: string;
  renewal_reminded_at: string | null;
  lapse_reminded_at: string | null;
  created_at: string;
  updated_at: string;
}

declare module "../../db/schema.js" {
  interface DB {
    certificate_settings: CertificateSettingsTable;
    child_certificates: ChildCertificatesTable;
  }
}
