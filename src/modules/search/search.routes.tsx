import { Hono } from "hono";
import type { AppEnv } from "../../platform/http/env.js";
import { issuesToFieldErrors } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { rawSearchQuery, type SearchInput, searchInput } from "./search.schema.js";
import * as service from "./search.service.js";
import { SearchPage } from "./views/search-views.js";

const blank: SearchInput = searchInput.parse({});

export const searchRoutes = new Hono<AppEnv>().get("/", async (c) => {
  const t = c.get("t");
  const parsed = searchInput.safeParse(
    rawSearchQuery(
      (k) => c.req.query(k),
      (k) => c.req.queries(k),
    ),
  );
  if (!parsed.success) {
    return render(
      c,
      t("search.title"),
      <SearchPage input={{ ...blank, q: c.req.query("q")?.slice(0, 200) ?? "" }} errors={issuesToFieldErrors(parsed.error.issues)} />,
      400,
    );
  }
  const outcome = await service.search(serviceContext(c), parsed.data);
  if (!outcome.ok) return render(c, t("search.title"), <SearchPage input={parsed.data} errors={outcome.errors} />, 400);
  return render(
    c,
    parsed.data.q ? t("search.titleFor", { q: parsed.data.q }) : t("search.title"),
    <SearchPage input={parsed.data} result={{ ...outcome, placeName: outcome.place ? `${outcome.place.code} ${outcome.place.name}` : null }} />,
  );
});
