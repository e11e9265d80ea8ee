import type { Context } from "hono";
import { Hono } from "hono";
import { parseDate } from "../../../platform/dates.js";
import { csvResponse } from "../../../platform/http/csv.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import { addDays, localToday } from "../../../platform/time/recurrence.js";
import * as usage from "../premises.usage.js";
import { UsagePage } from "../views/usage-views.js";

/** The period asked for, or this season; never longer than two years. */
function usagePeriod(c: Context<AppEnv>) {
  const season = usage.seasonOf(localToday(c.get("deps").clock.now(), c.get("tenant").timeZone));
  const from = parseDate(c.req.query("from")) ?? season.from;
  const asked = parseDate(c.req.query("to")) ?? season.to;
  const to = asked < from ? from : asked > addDays(from, 731) ? addDays(from, 731) : asked;
  return { from, to };
}

/** The use of premises, as a page and as CSV. */
export const usageRoutes = new Hono<AppEnv>()
  .get("/usage", async (c) => {
    const { from, to } = usagePeriod(c);
    const report = await usage.usageReport(serviceContext(c), from, to);
    return render(c, c.get("t")("usage.title"), <UsagePage from={from} to={to} {...report} />);
  })
  .get("/usage.csv", async (c) => {
    const { from, to } = usagePeriod(c);
    const { rows } = await usage.usageReport(serviceContext(c), from, to);
    const t = c.get("t");
    return csvResponse(
      c,
      "usage.csv",
      [
        t("premises.room"),
        t("premises.partOf"),
        t("usage.openHours"),
        t("usage.bookedHours"),
        t("usage.share"),
        t("premises.dates"),
        t("usage.cancelled"),
        t("usage.noShows"),
      ],
      rows.map((r) => [r.name, r.building, r.openHours, r.bookedHours, r.share, r.dates, r.cancelled, r.noShows]),
    );
  });
