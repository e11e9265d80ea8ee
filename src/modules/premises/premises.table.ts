import type { Generated } from "kysely";

export type PremiseKind = "building" | "room" | "hall" | "outdoor" | "equipment";

export interface PremisesTable {
  id: string;
  tenant_id: string;
  /** The building or hall this is part of; booking one blocks the other. */
  parent_id: string | null;
  kind: PremiseKind;
  name: string;
  description: Generated<string>;
  address: string | null;
  postcode: string | null;
  capacity: number | null;
  size_m2: number | null;
  /** Comma-separated facility codes. */
  facilities: Generated<string>;
  /** Comma-separated: step_free, accessible_toilet, hearing_loop. */
  accessibility: Generated<string>;
  house_rules: Generated<string>;
  /** Door code, where the key is: told only to those with an approved booking. */
  access_details: Generated<string>;
  bookable: Generated<number>;
  who_may_book: Generated<"associations" | "everyone">;
  approval: Generated<"auto" | "manual">;
  /** For others than associations, in minor units per hour; associations book free. */
  price_per_hour: Generated<number>;
  currency: Generated<string>;
  min_minutes: Generated<number>;
  max_minutes: Generated<number>;
  max_days_ahead: Generated<number>;
  buffer_minutes: Generated<number>;
  cancel_hours: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface PremiseHoursTable {
  id: string;
  tenant_id: string;
  premise_id: string;
  /** 1 = Monday … 7 = Sunday. */
  weekday: number;
  opens: string;
  closes: string;
  valid_from: string | null;
  valid_to: string | null;
}

export interface PremiseClosuresTable {
  id: string;
  tenant_id: string;
  premise_id: string;
  from_date: string;
  to_date: string;
  reason: string;
}

/** "proposed": a caseworker has offered another time, which holds until the booker answers. */
export type BookingStatus = "pending" | "proposed" | "approved" | "rejected" | "cancelled";

export interface BookingsTable {
  id: string;
  tenant_id: string;
  premise_id: string;
  association_id: string | null;
  /** Who asked; null once that person's account is deleted. */
  user_id: string | null;
  purpose: string;
  participants: number;
  status: BookingStatus;
  zone: string;
  start_date: string;
  start_time: string;
  end_time: string;
  /** Null for one date; 1 weekly, 2 every other week. */
  every_weeks: number | null;
  until_date: string | null;
  decision_note: string | null;
  decided_by: string | null;
  decided_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface BookingOccurrencesTable {
  id: string;
  tenant_id: string;
  booking_id: string;
  premise_id: string;
  local_date: string;
  starts_at: string;
  ends_at: string;
  status: "active" | "cancelled";
  no_show_at: Generated<string | null>;
}

export interface OccupancyTable {
  occurrence_id: string;
  tenant_id: string;
  premise_id: string;
  start_minute: number;
  end_minute: number;
}

/** Raised by trigger on every change to a tenant's premises, hours or closures: what the cached rules are checked against. */
export interface PremiseVersionsTable {
  tenant_id: string;
  version: number;
}

export interface CalendarTokensTable {
  token_hash: string;
  tenant_id: string;
  association_id: string;
  created_at: string;
}

export interface AllocationRoundsTable {
  id: string;
  tenant_id: string;
  name: string;
  season_from: string;
  season_to: string;
  status: "open" | "allocating" | "published";
  created_at: string;
  published_at: string | null;
}

export interface AllocationApplicationsTable {
  id: string;
  tenant_id: string;
  round_id: string;
  association_id: string;
  /** Who applied for the association; null once that person's account is deleted. */
  user_id: string | null;
  purpose: string;
  participants: number;
  /** 1 children and young people, 2 adult education, 3 other adults. */
  priority: number;
  disability_use: number;
  minutes: number;
  first_premise_id: string;
  first_weekday: number;
  first_start: string;
  second_premise_id: string | null;
  second_weekday: number | null;
  second_start: string | null;
  /** Also fine: any start on the first choice's weekday between these times, in that room or another like it in the building. */
  window_from: string | null;
  window_to: string | null;
  placed_premise_id: string | null;
  placed_weekday: number | null;
  placed_start: string | null;
  placed_choice: "first" | "second" | "window" | "manual" | null;
  booking_id: string | null;
  response: "confirmed" | "released" | null;
  created_at: string;
}

export interface PremisePhotosTable {
  id: string;
  tenant_id: string;
  premise_id: string;
  file_id: string;
  /** What the photo shows, for those who cannot see it. */
  alt: string;
  created_at: string;
}

/** These tables in the database interface, so `db/schema.ts` need not know them. */
declare module "../../db/schema.js" {
  interface DB {
    premises: PremisesTable;
    premise_hours: PremiseHoursTable;
    premise_closures: PremiseClosuresTable;
    bookings: BookingsTable;
    booking_occurrences: BookingOccurrencesTable;
    occupancy: OccupancyTable;
    premise_versions: PremiseVersionsTable;
    calendar_tokens: CalendarTokensTable;
    allocation_rounds: AllocationRoundsTable;
    allocation_applications: AllocationApplicationsTable;
    premise_photos: PremisePhotosTable;
  }
}
