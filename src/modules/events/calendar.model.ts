import type { Term } from "../taxonomy/index.js";
import type { CalendarInput } from "./calendar.schema.js";
import type { MonthDay } from "./calendar-dates.js";
import type { CommunityEvent } from "./events.model.js";

/** An event as a card shows it: the event, its category's name, and how many places are left. */
export interface CalendarCard {
  event: CommunityEvent;
  categoryLabel: string | null;
  placesLeft: number;
  waiting: number;
  /** Only for the members of this member group: the card tells its title, when and this, nothing more. */
  membersOnly: string | null;
}

export interface CalendarPage {
  input: CalendarInput;
  today: string;
  categories: Term[];
  /** The list view: the cards by month ("2026-12"), in order. */
  months: { month: string; cards: CalendarCard[] }[];
  /** The month view. */
  month: string;
  weeks: MonthDay[][];
  prevMonth: string | null;
  nextMonth: string;
  total: number;
  /** How many pages the list has. */
  pages: number;
}
