import { Hono } from "hono";
import { tokenInput } from "../../platform/auth/auth.schema.js";
import { csvResponse } from "../../platform/http/csv.js";
import type { AppEnv } from "../../platform/http/env.js";
import { AppError, invalid } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { formats } from "../../platform/i18n/format.js";
import { serviceContext } from "../../platform/service-context.js";
import { roleLabels } from "./people.labels.js";
import { PAGE_SIZE } from "./people.repository.js";
import { invitePersonInput, peopleQuery, roleChangeInput } from "./people.schema.js";
import * as people from "./people.service.js";
import { InvitationPage, PeoplePage, PersonPage } from "./views/people-views.js";

export const peopleRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const ctx = serviceContext(c);
    const query = peopleQuery.parse(c.req.query());
    const { rows, total } = await people.list(ctx, query, "page");
    return render(
      c,
      c.get("t")("people.title"),
      <PeoplePage rows={rows} total={total} query={query} pages={Math.ceil(total / PAGE_SIZE)} grantable={people.grantableRoles(ctx)} />,
    );
  })
  .get("/export.csv", async (c) => {
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    const { rows } = await people.list(serviceContext(c), peopleQuery.parse(c.req.query()), "csv");
    return csvResponse(
      c,
      "people.csv",
      [t("auth.name"), t("auth.email"), t("people.verified"), t("people.roles"), t("table.created")],
      rows.map((r) => [
        r.name,
        r.email,
        r.emailVerifiedAt ? t("common.yes") : t("common.no"),
        r.roles.map((x) => t(roleLabels[x])).join(", ") || t("role.citizen"),
        fmt.dateTime(r.createdAt),
      ]),
    );
  })
  .post("/invite", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, invitePersonInput);
    if (!form.ok) {
      const query = peopleQuery.parse({});
      const { rows, total } = await people.list(ctx, query, "page");
      return render(
        c,
        c.get("t")("people.title"),
        <PeoplePage
          rows={rows}
          total={total}
          query={query}
          pages={Math.ceil(total / PAGE_SIZE)}
          grantable={people.grantableRoles(ctx)}
          invite={{ values: form.values, errors: form.errors }}
        />,
        422,
      );
    }
    await people.invite(ctx, form.data);
    return c.redirect("/people?notice=invited", 303);
  })
  .get("/:id", async (c) => {
    const ctx = serviceContext(c);
    const person = await people.get(ctx, c.req.param("id"));
    return render(c, person.name, <PersonPage person={person} grantable={people.grantableRoles(ctx)} />);
  })
  .post("/:id/roles", async (c) => {
    const form = await parseForm(c, roleChangeInput);
    if (!form.ok) throw invalid({});
    await people.changeRole(serviceContext(c), c.req.param("id"), form.data);
    return c.redirect(`/people/${c.req.param("id")}?notice=roleChanged`, 303);
  });

export const invitationRoutes = new Hono<AppEnv>()
  .get("/accept", async (c) => {
    const token = c.req.query("token") ?? "";
    const invitation = await people.readInvitation(serviceContext(c), token);
    return render(c, c.get("t")("invitation.title"), <InvitationPage invitation={invitation} token={token} />, invitation ? 200 : 400);
  })
  .post("/accept", async (c) => {
    const form = await parseForm(c, tokenInput);
    if (!form.ok) throw new AppError(400, "invalid_link", "error.linkInvalid");
    return c.redirect(await people.acceptInvitation(serviceContext(c), form.data.token), 303);
  });
