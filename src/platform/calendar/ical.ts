import ical from "ical-generator";

export interface CalendarEvent {
  id: string;
  startsAt: string;
  endsAt: string;
  summary: string;
  location: string;
  description?: string;
  /** When the event was last changed; a calendar program keeps the newest copy. */
  changedAt?: string;
}

/**
 * An iCalendar file. Each date of a series is its own event with UTC times, so no calendar program
 * has to agree with us about time zones or repeat rules to show 18:00 as 18:00.
 */
export function icsOf(name: string, host: string, events: CalendarEvent[], madeAt: Date): string {
  const calendar = ical({ name, prodId: { company: "Sammen", product: "Sammen", language: "DA" } });
  for (const e of events) {
    calendar.createEvent({
      id: `${e.id}@${host}`,
      start: new Date(e.startsAt),
      end: new Date(e.endsAt),
      summary: e.summary,
      location: e.location,
      description: e.description ?? null,
      stamp: e.changedAt ? new Date(e.changedAt) : madeAt,
    });
  }
  return calendar.toString();
}
