import { createHash } from "node:crypto";
import { stringify } from "csv-stringify/sync";
import type { Context } from "hono";
import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/env.js";
import { notFound } from "../../../platform/http/errors.js";
import { baseUrl } from "../../../platform/http/middleware.js";
import { render } from "../../../platform/http/render.js";
import { localized } from "../../../platform/i18n/localized.js";
import { serviceContext } from "../../../platform/service-context.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import { openRound } from "../grants.js";
import { CSV_COLUMNS, csvRow, grantPackage, grantsMade, publishedGrants } from "../open-data.js";
import { AwardedPage } from "../views/public-views.js";

/** The grants made in a round, for everyone: only once its decisions are sent; before that the round's list is not public. */
export const publicRoutes = new Hono<AppEnv>().get("/rounds/:id/awarded", async (c) => {
  const ctx = serviceContext(c);
  const { round, scheme } = await openRound(ctx, c.req.param("id"));
  if (round.status !== "decided") throw notFound();
  const grants = await grantsMade(ctx, round.id);
  const currency = countryProfile(ctx.tenant.country).currency;
  return render(
    c,
    c.get("t")("grants.awarded.title", { round: round.title }),
    <AwardedPage round={round} scheme={localized(scheme, ctx.lang)} grants={grants} currency={currency} />,
  );
});

/** Sends an open-data file that harvesters may keep for five minutes and ask again with its ETag. */
function openFile(c: Context<AppEnv>, body: string, type: string, filename: string) {
  const etag = `"${createHash("sha256").update(body).digest("base64url").slice(0, 27)}"`;
  c.header("ETag", etag);
  c.header("Cache-Control", "public, max-age=300");
  c.header("Access-Control-Allow-Origin", "*");
  c.header("Content-Disposition", `inline; filename="${filename}"`);
  const asked = c.req.header("if-none-match");
  if (asked?.split(",").some((tag) => tag.trim() === etag || tag.trim() === `W/${etag}`)) return c.body(null, 304);
  return c.body(body, 200, { "Content-Type": type });
}

/** A cell that starts like a spreadsheet formula is prefixed, so opening the file runs nothing. */
const safeCell = (v: string | number) => (typeof v === "string" && /^[=+@\t\r]/.test(v) ? `'${v}` : v);

/**
 * The grants made, in the 360Giving Data Standard, mounted at /open-data beside the open-data module's
 * own page (which has only "/"). The CSV is written as the standard writes it: commas, and numbers with
 * a decimal point whatever the reader's language, because it is data for machines, not a page.
 */
export const grantsOpenDataFiles = new Hono<AppEnv>()
  .get("/360giving.json", async (c) => {
    const ctx = serviceContext(c);
    const { funder, grants } = await publishedGrants(ctx);
    return openFile(c, JSON.stringify(grantPackage(funder, grants, baseUrl(c)), null, 2), "application/json; charset=utf-8", "360giving.json");
  })
  .get("/360giving.csv", async (c) => {
    const ctx = serviceContext(c);
    const { grants } = await publishedGrants(ctx);
    const body = stringify([[...CSV_COLUMNS], ...grants.map((g) => csvRow(g).map(safeCell))], { record_delimiter: "\r\n" });
    return openFile(c, body, "text/csv; charset=utf-8", "360giving.csv");
  });
