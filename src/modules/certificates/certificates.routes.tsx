import { type Context, Hono } from "hono";
import type { AppEnv } from "../../platform/http/env.js";
import { formFailure } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import {
  certificateList,
  certificatePage,
  deleteCertificate,
  recordAssessment,
  recordConsent,
  recordLeft,
  recordRequest,
  renewalSetting,
  requestAgain,
  requestChoices,
  saveRenewalSetting,
} from "./certificates.js";
import { assessmentInput, consentInput, requestInput, settingsInput } from "./certificates.schema.js";
import { CertificatePageView, CertificatesPage, DeletePage, type FormState, RequestFormPage, SettingsPage } from "./views/certificates-views.js";

type Status = 200 | 409 | 413 | 415 | 422 | 429;

const title = (c: Context<AppEnv>) => c.get("t")("certificates.title", { certificate: c.get("t")(countryProfile(c.get("tenant").country).certificateName) });

async function showRequestForm(c: Context<AppEnv>, form: FormState, status: Status = 200) {
  const choices = await requestChoices(serviceContext(c), form.values.association || undefined);
  const page = (
    <RequestFormPage
      boards={choices.boards}
      associationId={choices.associationId}
      jobs={choices.jobs}
      form={{ values: { requestedOn: choices.today, ...form.values }, errors: form.errors }}
    />
  );
  return render(c, c.get("t")("certificates.new"), page, status);
}

async function showCertificate(c: Context<AppEnv>, forms: { consent?: FormState; assessment?: FormState } = {}, status: Status = 200) {
  const page = await certificatePage(serviceContext(c), c.req.param("id") as string);
  return render(c, page.certificate.name, <CertificatePageView {...page} {...forms} />, status);
}

const step = (run: (c: Context<AppEnv>, id: string) => Promise<unknown>, notice: string) => async (c: Context<AppEnv>) => {
  const id = c.req.param("id") as string;
  await run(c, id);
  return c.redirect(`/certificates/${id}?notice=${notice}`, 303);
};

/** The board's list of its volunteers' child-protection certificates, one record per volunteer, and the steps on it. */
export const certificatesRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const list = await certificateList(serviceContext(c), c.req.query("association") || undefined);
    return render(c, title(c), <CertificatesPage {...list} />);
  })
  .get("/new", (c) => {
    const q = (k: string) => c.req.query(k) ?? "";
    return showRequestForm(c, { values: { association: q("association"), opportunity: q("opportunity"), name: q("name"), email: q("email") }, errors: {} });
  })
  .post("/new", async (c) => {
    const form = await parseForm(c, requestInput);
    if (!form.ok) return showRequestForm(c, form, 422);
    try {
      const made = await recordRequest(serviceContext(c), form.data);
      return c.redirect(`/certificates/${made.id}?notice=certificateRequested`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showRequestForm(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .get("/settings", async (c) => {
    const s = await renewalSetting(serviceContext(c));
    return render(c, c.get("t")("certificates.settings.title"), <SettingsPage months={s.months} countryDefault={s.countryDefault} />);
  })
  .post("/settings", async (c) => {
    const ctx = serviceContext(c);
    const s = await renewalSetting(ctx);
    const form = await parseForm(c, settingsInput);
    if (!form.ok) return render(c, c.get("t")("certificates.settings.title"), <SettingsPage {...s} form={form} />, 422);
    await saveRenewalSetting(ctx, form.data.renewalMonths);
    return c.redirect("/certificates/settings?notice=certificateSettingsSaved", 303);
  })
  .get("/:id", (c) => showCertificate(c))
  .post("/:id/consent", async (c) => {
    const form = await parseForm(c, consentInput);
    if (!form.ok) return showCertificate(c, { consent: form }, 422);
    try {
      await recordConsent(serviceContext(c), c.req.param("id"), form.data);
      return c.redirect(`/certificates/${c.req.param("id")}?notice=certificateConsent`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showCertificate(c, { consent: { values: form.values, errors: f.fields } }, f.status);
    }
  })
  .post("/:id/assessment", async (c) => {
    const form = await parseForm(c, assessmentInput);
    if (!form.ok) return showCertificate(c, { assessment: form }, 422);
    try {
      await recordAssessment(serviceContext(c), c.req.param("id"), form.data);
      return c.redirect(`/certificates/${c.req.param("id")}?notice=certificateAssessed`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showCertificate(c, { assessment: { values: form.values, errors: f.fields } }, f.status);
    }
  })
  .post(
    "/:id/again",
    step((c, id) => requestAgain(serviceContext(c), id), "certificateRequested"),
  )
  .post(
    "/:id/left",
    step((c, id) => recordLeft(serviceContext(c), id), "certificateLeft"),
  )
  .get("/:id/delete", async (c) => {
    const page = await certificatePage(serviceContext(c), c.req.param("id"));
    return render(
      c,
      c.get("t")("certificates.deleteTitle", { name: page.certificate.name }),
      <DeletePage id={page.certificate.id} name={page.certificate.name} />,
    );
  })
  .post("/:id/delete", async (c) => {
    const associationId = await deleteCertificate(serviceContext(c), c.req.param("id"));
    return c.redirect(`/certificates?association=${associationId}&notice=certificateDeleted`, 303);
  });
