import { minutesBetween, type Series } from "../../platform/time/recurrence.js";
import type { BookingStatus, PremiseKind } from "./premises.table.js";

export type { BookingStatus, PremiseKind };

/** A building, room, hall, outdoor area or piece of equipment, as services and views see it. */
export interface Premise {
  id: string;
  tenantId: string;
  /** The building or hall this is part of; booking one blocks the other. */
  parentId: string | null;
  kind: PremiseKind;
  name: string;
  description: string;
  address: string | null;
  postcode: string | null;
  capacity: number | null;
  sizeM2: number | null;
  facilities: string[];
  /** step_free, accessible_toilet, hearing_loop. */
  accessibility: string[];
  houseRules: string;
  /** Door code, where the key is: told only to those with an approved booking. */
  accessDetails: string;
  bookable: boolean;
  whoMayBook: "associations" | "everyone";
  approval: "auto" | "manual";
  /** For others than associations, in minor units per hour; associations book free. */
  pricePerHour: number;
  currency: string;
  minMinutes: number;
  maxMinutes: number;
  maxDaysAhead: number;
  bufferMinutes: number;
  cancelHours: number;
}

/** What staff set on a premise; the rest (id, tenant, currency) the system keeps. */
export type PremiseFields = Omit<Premise, "id" | "tenantId" | "currency">;

/** Weekly opening hours (1 = Monday), for a season when `validFrom`/`validTo` are set. */
export interface OpeningHours {
  id: string;
  premiseId: string;
  weekday: number;
  opens: string;
  closes: string;
  validFrom: string | null;
  validTo: string | null;
}

export interface Closure {
  id: string;
  premiseId: string;
  fromDate: string;
  toDate: string;
  reason: string;
}

export interface PremisePhoto {
  id: string;
  alt: string;
  fileId: string;
}

export interface Booking {
  id: string;
  tenantId: string;
  premiseId: string;
  associationId: string | null;
  /** Who asked; null once that person's account is deleted. */
  userId: string | null;
  purpose: string;
  participants: number;
  status: BookingStatus;
  zone: string;
  startDate: string;
  startTime: string;
  endTime: string;
  /** Null for one date; 1 weekly, 2 every other week. */
  everyWeeks: number | null;
  untilDate: string | null;
  decisionNote: string | null;
  decidedBy: string | null;
  decidedAt: string | null;
  createdAt: string;
}

/** A booking with the names a list or page shows beside it. */
export interface BookingWithNames extends Booking {
  premiseName: string;
  pricePerHour: number;
  currency: string;
  associationName: string | null;
  bookerName: string | null;
  bookerEmail: string | null;
}

/** One date of a booking; only an active one holds its time. */
export interface BookingDate {
  id: string;
  bookingId: string;
  premiseId: string;
  localDate: string;
  startsAt: string;
  endsAt: string;
  status: "active" | "cancelled";
  noShowAt: string | null;
}

/** A live date on a premise with its booking, as a room's week and its calendar show it. */
export interface BookedTime {
  id: string;
  premiseId: string;
  localDate: string;
  startsAt: string;
  endsAt: string;
  bookingId: string;
  purpose: string;
  status: BookingStatus;
  associationName: string | null;
}

export type Repeat = "none" | "weekly" | "biweekly";

/** Another time or room that would work when the one asked for is taken. */
export interface Alternative {
  premiseId: string;
  premiseName: string;
  date: string;
  start: string;
  end: string;
}

export interface Money {
  minor: number;
  currency: string;
}

export const repeatOf = (everyWeeks: number | null): Repeat => (everyWeeks === 2 ? "biweekly" : everyWeeks ? "weekly" : "none");
export const everyWeeksOf = (repeat: Repeat): number | null => (repeat === "weekly" ? 1 : repeat === "biweekly" ? 2 : null);

/** The dates a request asks for, in local time. */
export const seriesOf = (input: { date: string; start: string; end: string; repeat: Repeat; until: string }, zone: string): Series => ({
  startDate: input.date,
  startTime: input.start,
  endTime: input.end,
  zone,
  everyWeeks: everyWeeksOf(input.repeat),
  untilDate: input.repeat === "none" ? null : input.until,
});

/** What a booking costs: associations book free; others pay the premise's price per hour for every date. */
export function priceOf(
  premise: Pick<Premise, "pricePerHour" | "currency">,
  booking: Pick<Booking, "associationId" | "startTime" | "endTime">,
  dates: number,
): Money | null {
  if (booking.associationId || premise.pricePerHour === 0) return null;
  const hours = minutesBetween(booking.startTime, booking.endTime) / 60;
  return { minor: Math.round(premise.pricePerHour * hours * dates), currency: premise.currency };
}

/** A booking that can still change: cancelled, moved or answered. */
export const isOpen = (b: Pick<Booking, "status">) => b.status === "pending" || b.status === "approved";
