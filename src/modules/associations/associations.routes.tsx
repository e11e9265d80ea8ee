import { Hono } from "hono";
import { can, isPerson } from "../../platform/auth/policy.js";
import { setActiveAssociation } from "../../platform/auth/sessions.js";
import { csvResponse } from "../../platform/http/csv.js";
import type { AppEnv } from "../../platform/http/env.js";
import { forbidden, unauthenticated } from "../../platform/http/errors.js";
import { parseForm, readForm, safeBack } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { formats } from "../../platform/i18n/format.js";
import { serviceContext } from "../../platform/service-context.js";
import { ImportPage, importResponse } from "../../platform/ui/import-page.js";
import * as importer from "./associations.import.js";
import { canSwitchTo } from "./associations.policy.js";
import { PAGE_SIZE } from "./associations.repository.js";
import { associationInput, inviteMemberInput, listQuery, memberRole } from "./associations.schema.js";
import * as service from "./associations.service.js";
import { AssociationFormPage, AssociationListPage, AssociationPage } from "./views/association-views.js";

export const associationsRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const ctx = serviceContext(c);
    const query = listQuery.parse(c.req.query());
    const { rows, total, staffView } = await service.list(ctx, query);
    return render(
      c,
      c.get("t")("association.list.title"),
      <AssociationListPage rows={rows} total={total} query={query} pages={Math.ceil(total / PAGE_SIZE)} staffView={staffView} />,
    );
  })
  .get("/export.csv", async (c) => {
    const ctx = serviceContext(c);
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    const { rows } = await service.list(ctx, listQuery.parse(c.req.query()), { all: true });
    return csvResponse(
      c,
      "associations.csv",
      [t("association.name"), t("association.regNumber"), t("auth.email"), t("association.phone"), t("table.created")],
      rows.map((r) => [r.name, r.registrationNumber, r.email, r.phone, fmt.dateTime(r.createdAt)]),
    );
  })
  .get("/import", (c) => {
    importer.mayImport(serviceContext(c));
    return render(c, c.get("t")("import.title"), <ImportPage kind={importer.ASSOCIATION_IMPORT} />);
  })
  .post("/import", (c) => {
    const ctx = serviceContext(c);
    importer.mayImport(ctx);
    return importResponse(c, importer.ASSOCIATION_IMPORT, (rows, apply) => importer.importAssociations(ctx, rows, apply));
  })
  .get("/new", (c) => {
    if (!isPerson(c.get("actor"))) throw unauthenticated();
    return render(c, c.get("t")("association.new.title"), <AssociationFormPage action="/associations/new" />);
  })
  .post("/new", async (c) => {
    const ctx = serviceContext(c);
    const form = await parseForm(c, associationInput(ctx.tenant.country));
    if (!form.ok)
      return render(c, c.get("t")("association.new.title"), <AssociationFormPage action="/associations/new" values={form.values} errors={form.errors} />, 422);
    const id = await service.create(ctx, form.data);
    return c.redirect(`/associations/${id}?notice=saved`, 303);
  })
  .post("/switch", async (c) => {
    const form = await readForm(c);
    const actor = c.get("actor");
    const session = c.get("session");
    if (!isPerson(actor) || !session) throw unauthenticated();
    if (!form.associationId || !can(actor, canSwitchTo, { tenantId: actor.tenantId, associationId: form.associationId })) throw forbidden();
    await setActiveAssociation(c.get("deps").db, session.idHash, form.associationId);
    return c.redirect(safeBack(form.back), 303);
  })
  .get("/:id", async (c) => {
    const ctx = serviceContext(c);
    const page = await service.get(ctx, c.req.param("id"));
    const members = await service.members(ctx, page.association.id);
    return render(c, page.association.name, <AssociationPage {...page} members={members} />);
  })
  .get("/:id/edit", async (c) => {
    const a = await service.getForEdit(serviceContext(c), c.req.param("id"));
    const values = { name: a.name, registrationNumber: a.registrationNumber ?? "", email: a.email, phone: a.phone ?? "" };
    return render(c, c.get("t")("association.edit.title"), <AssociationFormPage action={`/associations/${a.id}/edit`} values={values} />);
  })
  .post("/:id/edit", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    await service.getForEdit(ctx, id);
    const form = await parseForm(c, associationInput(ctx.tenant.country));
    if (!form.ok)
      return render(
        c,
        c.get("t")("association.edit.title"),
        <AssociationFormPage action={`/associations/${id}/edit`} values={form.values} errors={form.errors} />,
        422,
      );
    await service.update(ctx, id, form.data);
    return c.redirect(`/associations/${id}?notice=saved`, 303);
  })
  .post("/:id/invite", async (c) => {
    const ctx = serviceContext(c);
    const page = await service.get(ctx, c.req.param("id"));
    const form = await parseForm(c, inviteMemberInput);
    if (!form.ok) {
      const members = await service.members(ctx, page.association.id);
      return render(c, page.association.name, <AssociationPage {...page} members={members} invite={{ values: form.values, errors: form.errors }} />, 422);
    }
    await service.inviteMember(ctx, page.association.id, form.data);
    return c.redirect(`/associations/${page.association.id}?notice=invited`, 303);
  })
  .post("/:id/members/:userId", async (c) => {
    const ctx = serviceContext(c);
    const form = await readForm(c);
    const role = memberRole.safeParse(form.role);
    const change = form.action === "remove" ? ("remove" as const) : role.success ? { role: role.data } : null;
    if (!change) throw forbidden();
    await service.changeMember(ctx, c.req.param("id"), c.req.param("userId"), change);
    return c.redirect(`/associations/${c.req.param("id")}?notice=saved`, 303);
  });
