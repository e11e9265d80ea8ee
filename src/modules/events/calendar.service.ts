import { icsOf } from "../../platform/calendar/ical.js";
import { isoNow } from "../../platform/clock.js";
import { invalid } from "../../platform/http/errors.js";
import type { PageVersion } from "../../platform/http/page-cache.js";
import { translator } from "../../platform/i18n/i18n.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { localToday } from "../../platform/time/recurrence.js";
import { findMemberGroup } from "../members/index.js";
import { type Term, terms } from "../taxonomy/index.js";
import type { CalendarCard, CalendarPage } from "./calendar.model.js";
import type { CalendarInput } from "./calendar.schema.js";
import { addMonths, localDateOf, monthGrid, monthOf, startOfDay } from "./calendar-dates.js";
import { kindLabels } from "./events.labels.js";
import type { CommunityEvent, EventKind } from "./events.model.js";
import * as repo from "./events.repository.js";

/** How many events one page of the list shows. */
export const LIST_SIZE = 50;

async function cardsOf(ctx: ServiceContext, events: CommunityEvent[], categories: Term[]): Promise<CalendarCard[]> {
  const occupancy = await repo.occupancyOf(
    ctx.db,
    ctx.tenant.id,
    events.map((e) => e.id),
  );
  const label = new Map(categories.map((c) => [c.id, c.label]));
  const groups = new Map<string, string>();
  for (const id of new Set(events.flatMap((e) => (e.memberGroupId ? [e.memberGroupId] : [])))) groups.set(id, (await findMemberGroup(ctx, id))?.name ?? "");
  return events.map((event) => {
    const o = occupancy.get(event.id) ?? { taken: 0, waiting: 0 };
    return {
      event,
      categoryLabel: event.categoryId ? (label.get(event.categoryId) ?? null) : null,
      placesLeft: Math.max(0, event.capacity - o.taken),
      waiting: o.waiting,
      membersOnly: event.memberGroupId ? (groups.get(event.memberGroupId) ?? "") : null,
    };
  });
}

/** The category a calendar or feed is narrowed to, by its code; an unknown code is dropped and named in `ignored`. */
function chosenCategory(input: CalendarInput, categories: Term[]): Term | null {
  if (!input.category) return null;
  const found = categories.find((c) => c.code === input.category);
  if (!found) {
    input.ignored.push("category");
    input.category = null;
  }
  return found ?? null;
}

/** This month, or, when nothing more happens in it, the month of the next event: the grid does not open on an empty month. */
async function firstBusyMonth(ctx: ServiceContext, filter: Omit<repo.CalendarFilter, "endsFrom">, now: string, thisMonth: string): Promise<string> {
  const [next] = await repo.calendarEvents(ctx.db, ctx.tenant.id, { ...filter, endsFrom: now }, { limit: 1 });
  const month = next ? monthOf(localDateOf(next.startsAt, ctx.tenant.timeZone)) : thisMonth;
  return month > thisMonth ? month : thisMonth;
}

/** How long a kept calendar page may show an event that has just ended, or a renamed association. */
const KEPT_MINUTES = 5;

/**
 * What the public calendar's pages depend on: the newest change to an event or a registration, and the clock.
 * Two writes stamped with the same millisecond on two instances may be seen only when the slot turns.
 */
export async function calendarVersion(ctx: ServiceContext): Promise<PageVersion> {
  const slot = Math.floor(ctx.clock.now().getTime() / (KEPT_MINUTES * 60_000));
  return { owner: ctx.tenant, version: `${await repo.latestEventChanges(ctx.db, ctx.tenant.id)}|${slot}` };
}

/** The public calendar: published events that have not ended, as a list by month or one month as a grid. */
export async function calendarPage(ctx: ServiceContext, input: CalendarInput): Promise<CalendarPage> {
  const zone = ctx.tenant.timeZone;
  const now = isoNow(ctx.clock);
  const today = localToday(ctx.clock.now(), zone);
  const thisMonth = monthOf(today);
  const categories = await terms(ctx.db, ctx.tenant, "category", ctx.lang);
  const category = chosenCategory(input, categories);
  const filter = { kind: input.kind, categoryId: category?.id ?? null };
  const month = input.month ?? (input.view === "month" ? await firstBusyMonth(ctx, filter, now, thisMonth) : thisMonth);
  const page: CalendarPage = {
    input,
    today,
    categories,
    months: [],
    month,
    weeks: [],
    prevMonth: month > thisMonth ? addMonths(month, -1) : null,
    nextMonth: addMonths(month, 1),
    total: 0,
    pages: 1,
  };
  if (input.view === "month") {
    const from = startOfDay(`${month}-01`, zone);
    const to = startOfDay(`${addMonths(month, 1)}-01`, zone);
    const events = await repo.calendarEvents(ctx.db, ctx.tenant.id, { ...filter, endsFrom: from > now ? from : now, startsBefore: to }, { limit: 500 });
    page.weeks = monthGrid(month, events, zone);
    page.total = events.length;
    return page;
  }
  const upcoming = { ...filter, endsFrom: now };
  const [events, total] = await Promise.all([
    repo.calendarEvents(ctx.db, ctx.tenant.id, upcoming, { limit: LIST_SIZE, offset: (input.page - 1) * LIST_SIZE }),
    repo.countCalendarEvents(ctx.db, ctx.tenant.id, upcoming),
  ]);
  const cards = await cardsOf(ctx, events, categories);
  const byMonth = new Map<string, CalendarCard[]>();
  for (const card of cards) {
    // A course that has begun and not ended is listed under this month.
    const m = monthOf(localDateOf(card.event.startsAt, zone));
    const key = m < thisMonth ? thisMonth : m;
    byMonth.set(key, [...(byMonth.get(key) ?? []), card]);
  }
  page.months = [...byMonth].map(([m, list]) => ({ month: m, cards: list }));
  page.total = total;
  page.pages = Math.ceil(total / LIST_SIZE);
  return page;
}

/** How many events a feed carries at most. */
const FEED_SIZE = 500;

/**
 * The tenant's events as an iCalendar feed, each session its own entry, linking to the event's page
 * on the tenant's own address. Narrowed to a category (by code) or a kind; an unknown one is a 404.
 */
export async function calendarFeed(ctx: ServiceContext, choice: { category: string | null; kind: EventKind | null }): Promise<string> {
  const t = translator(ctx.tenant.defaultLanguage);
  const categories = await terms(ctx.db, ctx.tenant, "category", ctx.tenant.defaultLanguage);
  const category = choice.category ? categories.find((c) => c.code === choice.category) : null;
  if (category === undefined) throw invalid({ category: "calendar.unknownFilter" }, "calendar.unknownFilter");
  const from = new Date(ctx.clock.now().getTime() - 30 * 86_400_000).toISOString();
  const events = await repo.calendarEvents(
    ctx.db,
    ctx.tenant.id,
    // An event only for a member group's members stays out of the feeds: they would carry its description and place.
    { kind: choice.kind, categoryId: category?.id ?? null, endsFrom: from, openOnly: true },
    { limit: FEED_SIZE },
  );
  const name = [ctx.tenant.name, category?.label, choice.kind ? t(kindLabels[choice.kind]) : null].filter(Boolean).join(" · ");
  return icsOf(
    name,
    new URL(ctx.baseUrl).hostname,
    events.flatMap((e) => {
      const sessions = e.sessions.length ? e.sessions : [{ id: e.id, eventId: e.id, startsAt: e.startsAt, endsAt: e.endsAt }];
      const url = `${ctx.baseUrl}/events/${e.id}`;
      const title = e.status === "cancelled" ? t("calendar.cancelledTitle", { title: e.title }) : e.title;
      return sessions.map((s, i) => ({
        id: s.id,
        startsAt: s.startsAt,
        endsAt: s.endsAt,
        summary: sessions.length > 1 ? t("calendar.sessionTitle", { title, no: i + 1, of: sessions.length }) : title,
        location: e.place === "online" ? t("calendar.online") : [e.placeName, e.address, e.postcode].filter(Boolean).join(", "),
        description: `${e.description}\n\n${url}`,
        changedAt: e.updatedAt,
      }));
    }),
    ctx.clock.now(),
  );
}

/** How many events one page of the API carries. */
export const API_PAGE_SIZE = 50;

export interface PublicEvent extends CalendarCard {
  categoryCode: string | null;
}

async function publicEventsOf(ctx: ServiceContext, events: CommunityEvent[]): Promise<PublicEvent[]> {
  const categories = await terms(ctx.db, ctx.tenant, "category", ctx.lang);
  const code = new Map(categories.map((c) => [c.id, c.code]));
  return (await cardsOf(ctx, events, categories)).map((card) => ({
    ...card,
    categoryCode: card.event.categoryId ? (code.get(card.event.categoryId) ?? null) : null,
  }));
}

/** A page of the published events that have not ended, soonest first, for the API. */
export async function apiEvents(ctx: ServiceContext, q: { page: number; kind?: EventKind | undefined; category?: string | undefined }) {
  const categories = await terms(ctx.db, ctx.tenant, "category", ctx.lang);
  const category = q.category ? categories.find((c) => c.code === q.category) : null;
  if (category === undefined) throw invalid({ category: "calendar.unknownFilter" }, "calendar.unknownFilter");
  // An event only for a member group's members is not in the API: it shows on the centre's own calendar only.
  const filter = { kind: q.kind ?? null, categoryId: category?.id ?? null, endsFrom: isoNow(ctx.clock), openOnly: true };
  const [events, total] = await Promise.all([
    repo.calendarEvents(ctx.db, ctx.tenant.id, filter, { limit: API_PAGE_SIZE, offset: (q.page - 1) * API_PAGE_SIZE }),
    repo.countCalendarEvents(ctx.db, ctx.tenant.id, filter),
  ]);
  return { rows: await publicEventsOf(ctx, events), total };
}

/** A published event of the tenant (not cancelled), with its title and the association behind it; or undefined. */
export async function publishedEvent(ctx: ServiceContext, id: string): Promise<{ title: string; associationId: string | null } | undefined> {
  const event = await repo.findPublicEvent(ctx.db, ctx.tenant.id, id);
  return event?.status === "published" ? { title: event.title, associationId: event.associationId } : undefined;
}

/** One event anyone may see (published or cancelled, of this tenant), or undefined. */
export async function apiEvent(ctx: ServiceContext, id: string): Promise<PublicEvent | undefined> {
  const event = await repo.findPublicEvent(ctx.db, ctx.tenant.id, id);
  return event && !event.memberGroupId ? (await publicEventsOf(ctx, [event]))[0] : undefined;
}
