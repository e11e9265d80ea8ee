import { createRoute, z } from "@hono/zod-openapi";
import { type Api, problemResponses } from "../../platform/api/api.js";
import { notFound } from "../../platform/http/errors.js";
import { baseUrl } from "../../platform/http/middleware.js";
import { serviceContext } from "../../platform/service-context.js";
import { API_PAGE_SIZE, apiEvent, apiEvents, type PublicEvent } from "./calendar.service.js";
import { EVENT_KINDS, type EventKind, ORGANISERS, PLACES } from "./events.model.js";

const kinds = EVENT_KINDS as [EventKind, ...EventKind[]];

const EventJson = z
  .object({
    id: z.string(),
    kind: z.enum(kinds),
    status: z.enum(["published", "cancelled"]).openapi({ description: "A cancelled event stays listed until its end, so people see it is off" }),
    title: z.string(),
    description: z.string(),
    organiser: z.object({ kind: z.enum(ORGANISERS), associationId: z.string().nullable(), name: z.string() }),
    category: z.string().nullable().openapi({ description: "The category's code" }),
    targetGroups: z.array(z.string()),
    languages: z.array(z.string()),
    accessibility: z.array(z.string()),
    place: z.object({
      kind: z.enum(PLACES),
      name: z.string().nullable(),
      address: z.string().nullable(),
      postcode: z.string().nullable(),
    }),
    price: z.object({
      free: z.boolean(),
      amountMinor: z.number().int().nullable().openapi({ description: "In minor units (øre, cent)" }),
      currency: z.string(),
    }),
    capacity: z.number().int(),
    placesLeft: z.number().int(),
    waiting: z.number().int().openapi({ description: "People on the waiting list" }),
    registrationOpensAt: z.string().nullable(),
    registrationClosesAt: z.string().nullable(),
    startsAt: z.string().openapi({ description: "UTC instant of the first session's start" }),
    endsAt: z.string().openapi({ description: "UTC instant of the last session's end" }),
    sessions: z.array(z.object({ id: z.string(), startsAt: z.string(), endsAt: z.string() })),
    url: z.string(),
  })
  .openapi("Event");

const listQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).openapi({ description: "Page number, from 1" }),
  kind: z.enum(kinds).optional(),
  category: z.string().trim().max(80).optional().openapi({ description: "A category's code" }),
});

function toJson(p: PublicEvent, organiserName: string, base: string) {
  const e = p.event;
  return {
    id: e.id,
    kind: e.kind,
    status: e.status === "cancelled" ? ("cancelled" as const) : ("published" as const),
    title: e.title,
    description: e.description,
    organiser: { kind: e.organiser, associationId: e.associationId, name: e.associationName ?? organiserName },
    category: p.categoryCode,
    targetGroups: e.targetGroups,
    languages: e.languages,
    accessibility: e.accessibility,
    // The online link is told only to those registered.
    place: { kind: e.place, name: e.placeName, address: e.address, postcode: e.postcode },
    price: { free: e.price === "free", amountMinor: e.price === "free" ? null : e.priceMinor, currency: e.currency },
    capacity: e.capacity,
    placesLeft: p.placesLeft,
    waiting: p.waiting,
    registrationOpensAt: e.registrationOpensAt,
    registrationClosesAt: e.registrationClosesAt,
    startsAt: e.startsAt,
    endsAt: e.endsAt,
    sessions: e.sessions.map((s) => ({ id: s.id, startsAt: s.startsAt, endsAt: s.endsAt })),
    url: `${base}/events/${e.id}`,
  };
}

/** The public calendar for a municipality's or association's own website. Open to anyone. */
export function registerEventsApi(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/events",
      tags: ["Events"],
      summary: "Published events that have not ended, soonest first",
      request: { query: listQuery },
      responses: {
        200: {
          description: "A page of events",
          content: { "application/json": { schema: z.object({ data: z.array(EventJson), page: z.number(), total: z.number(), pageSize: z.number() }) } },
        },
        422: problemResponses[422],
      },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      const query = c.req.valid("query");
      const { rows, total } = await apiEvents(ctx, query);
      const base = baseUrl(c);
      return c.json({ data: rows.map((r) => toJson(r, ctx.tenant.name, base)), page: query.page, total, pageSize: API_PAGE_SIZE }, 200);
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/events/{id}",
      tags: ["Events"],
      summary: "One published or cancelled event, with its sessions",
      request: { params: z.object({ id: z.string().max(60) }) },
      responses: {
        200: { description: "The event", content: { "application/json": { schema: EventJson } } },
        404: { description: "No such event, or not public" },
      },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      const found = await apiEvent(ctx, c.req.valid("param").id);
      if (!found) throw notFound();
      return c.json(toJson(found, ctx.tenant.name, baseUrl(c)), 200);
    },
  );
}
