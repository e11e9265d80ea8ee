import { type Context, Hono } from "hono";
import { csvResponse } from "../../../platform/http/csv.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure, invalid } from "../../../platform/http/errors.js";
import { parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { formats } from "../../../platform/i18n/format.js";
import { serviceContext } from "../../../platform/service-context.js";
import { AGREEMENT_LISTS, agreementInput, LEAD_LISTS, leadInput, standActionInput, standInput, standNumbersInput } from "../fair.schema.js";
import { agreementsPage, recordAgreement } from "../fair-agreements.js";
import { leadsOf, recordLead, visitorPage } from "../fair-leads.js";
import { qrDrawing } from "../fair-qr.js";
import { applyForStand, assignNumbers, byNumber, changeStand, declineStand, standSign, standsForStaff, standToDecline, withdrawStand } from "../fair-stands.js";
import {
  AgreementsPage,
  DeclineStandPage,
  LeadsPage,
  StandSignPage,
  StandsPage,
  sizeLabels,
  standStatusLabels,
  VisitorPage,
  VisitorThanksPage,
} from "../views/fair-views.js";
import { showEvent } from "./event.routes.js";

type Form = { values: Record<string, string>; errors: FieldErrors };

async function showStands(c: Context<AppEnv>, form?: Form, status: 200 | 422 = 200) {
  const page = await standsForStaff(serviceContext(c), c.req.param("id") as string);
  return render(c, c.get("t")("fair.stands.title"), <StandsPage e={page.event} stands={page.stands} categories={page.categories} form={form} />, status);
}

async function showAgreements(c: Context<AppEnv>, form?: Form & { chosen: string[] }, status: 200 | 422 = 200) {
  const page = await agreementsPage(serviceContext(c), c.req.param("id") as string);
  return render(
    c,
    c.get("t")("fair.agreements.title"),
    <AgreementsPage e={page.event} agreements={page.agreements} associations={page.associations} defaultFollowUp={page.defaultFollowUp} form={form} />,
    status,
  );
}

/** An association's stand: applying, changing and withdrawing from the fair's page, which shows the form again on a mistake. */
const standAction = (act: "apply" | "change") => async (c: Context<AppEnv>) => {
  const id = c.req.param("id") as string;
  const form = await parseForm(c, standInput);
  const associationId = form.values.associationId || null;
  if (!form.ok) return showEvent(c, id, undefined, 422, { ...form, associationId });
  try {
    if (act === "apply") await applyForStand(serviceContext(c), id, form.data);
    else await changeStand(serviceContext(c), id, form.data);
  } catch (error) {
    const f = formFailure(error);
    return showEvent(c, id, undefined, f.status === 409 ? 409 : 422, { values: form.values, errors: f.fields, associationId });
  }
  return c.redirect(`/events/${id}?notice=${act === "apply" ? "standApplied" : "saved"}#fair-mine-heading`, 303);
};

/** The fair's pages under /events: an association's stand, the staff's list of stands and agreements, a stand's sign, an association's leads. */
export const fairRoutes = new Hono<AppEnv>()
  .get("/fair/leads", async (c) => {
    const page = await leadsOf(serviceContext(c), c.req.query("association") ?? null, c.get("session")?.activeAssociationId ?? null);
    return render(c, c.get("t")("fair.leads.title"), <LeadsPage {...page} />);
  })
  .get("/fair/leads.csv", async (c) => {
    const { leads } = await leadsOf(serviceContext(c), c.req.query("association") ?? null, c.get("session")?.activeAssociationId ?? null);
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    return csvResponse(
      c,
      "fair-leads.csv",
      [t("auth.email"), t("auth.name"), t("fair.visitor.jobs"), t("fair.visitor.other"), t("fair.csv.fair"), t("fair.sign.stand"), t("table.created")],
      leads.map((l) => [
        l.email,
        l.name,
        l.interests.jobs.map((j) => j.title).join(", "),
        l.interests.other,
        l.eventTitle,
        l.standNumber,
        fmt.dateTime(l.createdAt),
      ]),
    );
  })
  .post("/:id/stand", standAction("apply"))
  .post("/:id/stand/change", standAction("change"))
  .post("/:id/stand/withdraw", async (c) => {
    const form = await parseForm(c, standActionInput);
    if (!form.ok) throw invalid(form.errors);
    await withdrawStand(serviceContext(c), c.req.param("id"), form.data.associationId);
    return c.redirect(`/events/${c.req.param("id")}?notice=standWithdrawn`, 303);
  })
  .get("/:id/stands", (c) => showStands(c))
  .post("/:id/stands", async (c) => {
    const form = await parseForm(c, standNumbersInput);
    if (!form.ok) return showStands(c, form, 422);
    try {
      await assignNumbers(serviceContext(c), c.req.param("id"), form.data);
    } catch (error) {
      const f = formFailure(error);
      return showStands(c, { values: form.values, errors: f.fields }, 422);
    }
    return c.redirect(`/events/${c.req.param("id")}/stands?notice=saved`, 303);
  })
  .get("/:id/stands/:standId/decline", async (c) => {
    const { event, stand } = await standToDecline(serviceContext(c), c.req.param("id"), c.req.param("standId"));
    return render(c, c.get("t")("fair.declineStand.title", { association: stand.associationName }), <DeclineStandPage e={event} stand={stand} />);
  })
  .post("/:id/stands/:standId/decline", async (c) => {
    await declineStand(serviceContext(c), c.req.param("id"), c.req.param("standId"));
    return c.redirect(`/events/${c.req.param("id")}/stands?notice=standDeclined`, 303);
  })
  .get("/:id/stands.csv", async (c) => {
    const { stands, categories } = await standsForStaff(serviceContext(c), c.req.param("id"));
    const t = c.get("t");
    const category = new Map(categories.map((x) => [x.id, x.label]));
    return csvResponse(
      c,
      "exhibitors.csv",
      [
        t("fair.sign.stand"),
        t("association.name"),
        t("fair.category"),
        t("fair.size"),
        t("fair.needsPower"),
        t("fair.needsTable"),
        t("fair.shows"),
        t("fair.csv.status"),
      ],
      [...stands]
        .sort(byNumber)
        .map((s) => [
          s.standNumber,
          s.associationName,
          s.categoryId ? (category.get(s.categoryId) ?? "") : "",
          t(sizeLabels[s.size]),
          s.needsPower ? t("fair.csv.yes") : t("fair.csv.no"),
          s.needsTable ? t("fair.csv.yes") : t("fair.csv.no"),
          s.shows,
          t(standStatusLabels[s.status]),
        ]),
    );
  })
  .get("/:id/stands/:standId/sign", async (c) => {
    const { event, stand, url } = await standSign(serviceContext(c), c.req.param("id"), c.req.param("standId"));
    return render(
      c,
      c.get("t")("fair.sign.pageTitle", { number: stand.standNumber ?? "", association: stand.associationName }),
      <StandSignPage e={event} stand={stand} qr={qrDrawing(url)} url={url} />,
    );
  })
  .get("/:id/agreements", (c) => showAgreements(c))
  .post("/:id/agreements", async (c) => {
    const form = await parseForm(c, agreementInput, AGREEMENT_LISTS);
    const chosen = (form.values.associations ?? "").split(",").filter(Boolean);
    if (!form.ok) return showAgreements(c, { ...form, chosen }, 422);
    try {
      await recordAgreement(serviceContext(c), c.req.param("id"), form.data);
    } catch (error) {
      const f = formFailure(error);
      return showAgreements(c, { values: form.values, errors: f.fields, chosen }, 422);
    }
    return c.redirect(`/events/${c.req.param("id")}/agreements?notice=saved`, 303);
  })
  .get("/:id/agreements.csv", async (c) => {
    const { agreements, associations } = await agreementsPage(serviceContext(c), c.req.param("id"));
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    const names = new Map(associations.map((a) => [a.id, a.name]));
    return csvResponse(
      c,
      "agreements.csv",
      [t("fair.agreements.associations"), t("fair.agreements.others"), t("fair.agreements.agreed"), t("fair.agreements.followUpOn"), t("fair.csv.reminded")],
      agreements.map((g) => [
        g.associationIds.map((id) => names.get(id) ?? "").join(", "),
        g.otherParties,
        g.agreed,
        fmt.date(g.followUpOn),
        g.remindedAt ? fmt.dateTime(g.remindedAt) : "",
      ]),
    );
  });

async function showVisitor(c: Context<AppEnv>, form?: Form & { jobs: string[] }, status: 200 | 422 | 429 = 200) {
  const code = c.req.param("code") as string;
  const page = await visitorPage(serviceContext(c), code);
  return render(
    c,
    page.stand.associationName,
    <VisitorPage e={page.event} stand={page.stand} jobs={page.jobs} keptUntil={page.keptUntil} code={code} form={form} />,
    status,
  );
}

/** The page a stand's QR code opens, for visitors at the fair: their interest, with consent, and a thank-you. */
export const fairVisitorRoutes = new Hono<AppEnv>()
  .get("/:code", (c) => showVisitor(c))
  .post("/:code", async (c) => {
    const form = await parseForm(c, leadInput, LEAD_LISTS);
    const jobs = (form.values.jobs ?? "").split(",").filter(Boolean);
    if (!form.ok) return showVisitor(c, { ...form, jobs }, 422);
    try {
      await recordLead(serviceContext(c), c.req.param("code"), form.data);
    } catch (error) {
      const f = formFailure(error);
      return showVisitor(c, { values: form.values, errors: f.fields, jobs }, f.status === 429 ? 429 : 422);
    }
    return c.redirect(`/fair/${c.req.param("code")}/thanks`, 303);
  })
  .get("/:code/thanks", async (c) => {
    const page = await visitorPage(serviceContext(c), c.req.param("code"));
    return render(c, c.get("t")("fair.thanks.title"), <VisitorThanksPage stand={page.stand} e={page.event} />);
  });
