import type { Tenant } from "../../platform/tenants/tenants.js";

/** When, who and what: the first columns of both logs. The actor's name is gone once the person is erased. */
export interface LogEntry {
  id: string;
  at: string;
  action: string;
  actorId: string | null;
  actorName: string | null;
  actorEmail: string | null;
}

/** A change to someone's data. */
export interface AuditEntry extends LogEntry {
  entityType: string;
  entityId: string | null;
  ip: string | null;
  /** Ids and codes, as the JSON text they were noted in. */
  details: string | null;
}

/** Someone's data shown to someone else. */
export interface AccessEntry extends LogEntry {
  subjectType: "user" | "application" | "event_registration" | "bridge_case";
  subjectId: string;
  subjectName: string | null;
}

export interface Page<E> {
  rows: E[];
  total: number;
}

/** The tenant settings form's fields: text as typed, the languages as the codes chosen. */
type SettingsText =
  | "name"
  | "logoUrl"
  | "colorPrimary"
  | "defaultLanguage"
  | "timeZone"
  | "contactEmail"
  | "moderation"
  | "answerNudgeDays"
  | "answerEscalateDays"
  | "staleGraceDays"
  | "eventOfferHours"
  | "eventImmediateHours"
  | "mapTileUrl"
  | "mapAttribution"
  | "order1"
  | "order2"
  | "order3";
export type SettingsForm = Partial<Record<SettingsText, string>> & { languages: string[] };

export const settingsForm = (tenant: Tenant): SettingsForm => ({
  name: tenant.name,
  logoUrl: tenant.logoUrl ?? "",
  colorPrimary: tenant.colorPrimary,
  defaultLanguage: tenant.defaultLanguage,
  timeZone: tenant.timeZone,
  contactEmail: tenant.contactEmail,
  languages: tenant.languages,
  moderation: tenant.moderation,
  answerNudgeDays: String(tenant.answerNudgeDays),
  answerEscalateDays: String(tenant.answerEscalateDays),
  staleGraceDays: String(tenant.staleGraceDays),
  eventOfferHours: String(tenant.eventOfferHours),
  eventImmediateHours: String(tenant.eventImmediateHours),
  mapTileUrl: tenant.map?.tileUrl ?? "",
  mapAttribution: tenant.map?.attribution ?? "",
  order1: String(tenant.allocationOrder[0]),
  order2: String(tenant.allocationOrder[1]),
  order3: String(tenant.allocationOrder[2]),
});
