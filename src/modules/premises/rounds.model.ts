import { addDays, minutesBetween, type Occurrence, type Series, weekdayOf } from "../../platform/time/recurrence.js";
import type { Priority } from "./allocation/allocate.js";

export type { Priority };
export type RoundStatus = "open" | "allocating" | "published";

/** A season's allocation: open for applications, allocating (a proposal staff adjust), published. */
export interface Round {
  id: string;
  name: string;
  seasonFrom: string;
  seasonTo: string;
  status: RoundStatus;
  createdAt: string;
  publishedAt: string | null;
}

/** A weekly slot: a room, an ISO weekday (1 = Monday) and a local start time ("18:00"). */
export interface Slot {
  premiseId: string;
  weekday: number;
  start: string;
}

export type PlacedChoice = "first" | "second" | "window" | "manual";
export type Response = "confirmed" | "released";

/** An association's wish for a weekly slot in a round, and what it was given. */
export interface RoundApplication {
  id: string;
  roundId: string;
  associationId: string;
  /** Who applied for the association; null once that person's account is deleted. */
  userId: string | null;
  purpose: string;
  participants: number;
  priority: Priority;
  disabilityUse: boolean;
  minutes: number;
  first: Slot;
  second: Slot | null;
  /** Also fine: any start on the first choice's weekday between these times, in that room or another like it. */
  window: { from: string; to: string } | null;
  placed: (Slot & { choice: PlacedChoice }) | null;
  bookingId: string | null;
  response: Response | null;
  createdAt: string;
}

/** An application with the name of the association it is for. */
export type NamedApplication = RoundApplication & { associationName: string };

/** A weekly booking a published round gives an application. */
/** A time held on a premise, in minutes since 1970 (as occupancy keeps it). */
export interface Held {
  premiseId: string;
  start: number;
  end: number;
}

/** A weekly booking publishing a round gives an application: its dates and the times they hold. */
export interface SeasonBooking {
  applicationId: string;
  id: string;
  premiseId: string;
  associationId: string;
  userId: string | null;
  purpose: string;
  participants: number;
  series: Series;
  dates: (Occurrence & { id: string })[];
  holds: (Held & { occurrenceId: string })[];
}

/** The last step of a round: every association has confirmed or released what it was given. */
export function everyoneAnswered(round: Round, applications: RoundApplication[]): boolean {
  const granted = applications.filter((a) => a.bookingId);
  return round.status === "published" && granted.length > 0 && granted.every((a) => a.response);
}

/** Minutes after midnight of a local time ("18:30" → 1110). */
export const minutesOf = (time: string) => minutesBetween("00:00", time);
/** The local time of minutes after midnight (1110 → "18:30"). */
export const timeOf = (m: number) => `${String(Math.floor(m / 60)).padStart(2, "0")}:${String(m % 60).padStart(2, "0")}`;

/** The first date on or after `from` that falls on a weekday. */
export function firstOn(from: string, weekday: number): string {
  let d = from;
  while (weekdayOf(d) !== weekday) d = addDays(d, 1);
  return d;
}

/** An application as the round's page lists it. */
export type ApplicationLine = NamedApplication & { firstPremiseName: string; placedPremiseName: string; mayAnswer: boolean };

/** What the round's page shows, and which of its actions this person may take. */
export interface RoundView {
  round: Round;
  applications: ApplicationLine[];
  /** The bookable rooms, for the forms. */
  rooms: { id: string; name: string }[];
  /** The associations this person may apply for. */
  associations: { id: string; name: string }[];
  answered: boolean;
  /** How close the proposal is to the exact optimum, for those who run the round while it is allocating. */
  quality: { ratio: number; optimal: boolean } | null;
  may: { propose: boolean; publish: boolean; adjust: boolean; apply: boolean };
}
