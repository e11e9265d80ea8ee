import { createRoute, z } from "@hono/zod-openapi";
import { type Api, problemResponses } from "../../platform/api/api.js";
import { dateField } from "../../platform/dates.js";
import { baseUrl } from "../../platform/http/middleware.js";
import { serviceContext } from "../../platform/service-context.js";
import * as find from "./premises.find.js";
import * as service from "./premises.service.js";

const Premise = z
  .object({
    id: z.string(),
    parentId: z.string().nullable(),
    kind: z.enum(["building", "room", "hall", "outdoor", "equipment"]),
    name: z.string(),
    address: z.string(),
    capacity: z.number().nullable(),
    sizeM2: z.number().nullable(),
    accessibility: z.array(z.string()),
    facilities: z.array(z.string()),
    bookable: z.boolean(),
    url: z.string(),
    calendarUrl: z.string(),
  })
  .openapi("Premise");

const Day = z
  .object({
    date: z.string(),
    open: z.object({ opens: z.string(), closes: z.string() }).nullable(),
    closure: z.string().nullable(),
    booked: z.array(
      z.object({
        start: z.string(),
        end: z.string(),
        status: z.enum(["pending", "proposed", "approved", "rejected", "cancelled"]),
        by: z.string().nullable().openapi({ description: "The association, once the booking is approved" }),
        purpose: z.string().nullable().openapi({ description: "What the association uses it for, once approved; never shown for a private person's booking" }),
        partOfOther: z.boolean().openapi({ description: "Booked through the whole it belongs to, or a part of it" }),
      }),
    ),
  })
  .openapi("PremiseDay");

const date = dateField();

/** Premises and when they are free, for a municipality's own website. Open to anyone. */
export function registerPremisesApi(api: Api) {
  api.openapi(
    createRoute({
      method: "get",
      path: "/premises",
      tags: ["Premises"],
      summary: "Every building, room, hall, outdoor area and piece of equipment",
      responses: { 200: { description: "The premises", content: { "application/json": { schema: z.object({ data: z.array(Premise) }) } } } },
    }),
    async (c) => {
      const tree = await service.premiseTree(serviceContext(c));
      const base = baseUrl(c);
      return c.json(
        {
          data: tree.all.map((p) => ({
            id: p.id,
            parentId: p.parentId,
            kind: p.kind,
            name: p.name,
            address: tree.addressOf(p.id),
            capacity: p.capacity,
            sizeM2: p.sizeM2,
            accessibility: p.accessibility,
            facilities: p.facilities,
            bookable: p.bookable,
            url: `${base}/premises/${p.id}`,
            calendarUrl: `${base}/premises/${p.id}/calendar.ics`,
          })),
        },
        200,
      );
    },
  );
  api.openapi(
    createRoute({
      method: "get",
      path: "/premises/{id}/availability",
      tags: ["Premises"],
      summary: "Opening hours and bookings of one premise, day by day, in the municipality's time zone",
      request: {
        params: z.object({ id: z.string().max(60) }),
        query: z.object({
          from: date.openapi({ description: "First day, YYYY-MM-DD" }),
          days: z.coerce.number().int().min(1).max(62).default(7).openapi({ description: "How many days, at most 62" }),
        }),
      },
      responses: {
        200: { description: "The days", content: { "application/json": { schema: z.object({ zone: z.string(), data: z.array(Day) }) } } },
        404: { description: "No such premise" },
        422: problemResponses[422],
      },
    }),
    async (c) => {
      const ctx = serviceContext(c);
      const { from, days } = c.req.valid("query");
      const result = await find.availability(ctx, c.req.valid("param").id, from, days);
      return c.json(
        {
          zone: ctx.tenant.timeZone,
          data: result.days.map((d) => ({
            date: d.date,
            open: d.open,
            closure: d.closure,
            booked: d.booked.map((b) => ({ start: b.start, end: b.end, status: b.status, by: b.by, purpose: b.purpose, partOfOther: !b.own })),
          })),
        },
        200,
      );
    },
  );
}
