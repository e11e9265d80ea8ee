import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/env.js";
import { invalid } from "../../../platform/http/errors.js";
import { keptPages } from "../../../platform/http/page-cache.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import { calendarInput } from "../calendar.schema.js";
import { calendarFeed, calendarPage, calendarVersion } from "../calendar.service.js";
import { CalendarPageView } from "../views/calendar-views.js";

/** The public calendar and its iCalendar feed. */
export const calendarRoutes = new Hono<AppEnv>()
  .get(
    "/",
    keptPages((c) => calendarVersion(serviceContext(c))),
    async (c) => {
      const page = await calendarPage(serviceContext(c), calendarInput(c.req.query()));
      return render(c, c.get("t")("calendar.title"), <CalendarPageView page={page} />);
    },
  )
  .get("/calendar.ics", async (c) => {
    const input = calendarInput(c.req.query());
    // A calendar program cannot show a notice: a feed asked for with a filter it does not know says so plainly.
    if (input.ignored.includes("kind")) throw invalid({ kind: "calendar.unknownFilter" }, "calendar.unknownFilter");
    if (input.ignored.includes("category")) throw invalid({ category: "calendar.unknownFilter" }, "calendar.unknownFilter");
    const ics = await calendarFeed(serviceContext(c), { kind: input.kind, category: input.category });
    c.header("Cache-Control", "public, max-age=300");
    return c.body(ics, 200, { "Content-Type": "text/calendar; charset=utf-8" });
  });
