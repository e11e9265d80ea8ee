import { type Context, Hono } from "hono";
import { isPerson } from "../../../platform/auth/policy.js";
import { uploadBody } from "../../../platform/http/body-limit.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure, invalidField, unauthenticated } from "../../../platform/http/errors.js";
import { formBody, parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { formats as formatsFor } from "../../../platform/i18n/format.js";
import { serviceContext } from "../../../platform/service-context.js";
import { answerValues, type Posted, parseApplication } from "../answers.js";
import { summarise } from "../answers-summary.js";
import { applicationPage, checkApplication, moneyIn, myGrants, previewForm, saveDraft, startApplication, withdrawApplication } from "../apply.js";
import { addAttachment, attachment, attachmentUpload, removeAttachment } from "../attachments.js";
import { openApplication } from "../grants.js";
import { MAX_FILE_BYTES } from "../grants.model.js";
import { canApplyFor } from "../grants.policy.js";
import { PROFILE_LISTS, profileFor, profileInput, saveProfile } from "../profile.js";
import { answerQuestion, receiptFor, submitApplication } from "../submit.js";
import { ApplicationView, MineView, PreviewView, RefusalView, WithdrawConfirm } from "../views/apply-views.js";
import type { FormValues } from "../views/form-fields.js";
import { ProfileView } from "../views/profile-views.js";

type Status = 200 | 409 | 413 | 415 | 422 | 429;

/** The posted form's texts as the inputs show them again (files left out). */
const postedValues = (body: Posted): FormValues =>
  Object.fromEntries(
    Object.entries(body)
      .filter(([k]) => k !== "_csrf")
      .map(([k, v]) => [k, Array.isArray(v) ? v.map((x) => (typeof x === "string" ? x : "")) : typeof v === "string" ? v : ""]),
  );

async function showApplication(c: Context<AppEnv>, form?: { values?: FormValues; errors: FieldErrors; checked?: boolean }, status: Status = 200) {
  const ctx = serviceContext(c);
  const page = await applicationPage(ctx, c.req.param("id") as string);
  const { application, form: definition, files, currency } = page;
  const t = c.get("t");
  const sections = summarise(definition, application.answers, files, { t, lang: ctx.lang, fmt: formatsOf(c), currency });
  const kept = answerValues(definition, application.answers, { title: application.title, amountRequested: application.amountRequested, lang: ctx.lang });
  const view = <ApplicationView page={page} sections={sections} values={form?.values ?? kept} errors={form?.errors ?? {}} checked={form?.checked} />;
  return render(c, application.title || t("grants.apply.untitled", { reference: application.reference }), view, status);
}

const formatsOf = (c: Context<AppEnv>) => {
  const ctx = serviceContext(c);
  return formatsFor(ctx.lang, ctx.tenant.timeZone);
};

async function showProfile(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors; extraRows?: number }, status: Status = 200) {
  const profile = await profileFor(serviceContext(c), c.req.query("association") ?? "");
  return render(
    c,
    c.get("t")("grants.profile.title"),
    <ProfileView profile={profile} values={form?.values} errors={form?.errors} extraRows={form?.extraRows} />,
    status,
  );
}

async function showPreview(c: Context<AppEnv>, form?: { values: FormValues; errors: FieldErrors }, status: Status = 200) {
  const { scheme, form: definition } = await previewForm(serviceContext(c), c.req.param("id") as string);
  return render(
    c,
    c.get("t")("grants.preview.title"),
    <PreviewView scheme={scheme} form={definition} values={form?.values ?? {}} errors={form?.errors ?? {}} tried={Boolean(form)} />,
    status,
  );
}

const application = (c: Context<AppEnv>) => `/grants/applications/${c.req.param("id")}`;

/** Saves a draft from the posted form before a file is added or taken away, so nothing typed is lost. */
async function keepTyped(c: Context<AppEnv>, body: Posted) {
  if ("title" in body || "amount" in body) await saveDraft(serviceContext(c), c.req.param("id") as string, body);
}

/** Applying: the board's overview, the application profile, starting, filling in, sending, answering questions. */
export const applyRoutes = new Hono<AppEnv>()
  .get("/mine", async (c) => {
    const data = await myGrants(serviceContext(c));
    return render(c, c.get("t")("grants.mine.title"), <MineView data={data} />);
  })
  .get("/profile", (c) => showProfile(c))
  .post("/profile", async (c) => {
    const form = await parseForm(c, profileInput, PROFILE_LISTS);
    const body = (await formBody(c, { all: true })) as Posted;
    const values = postedValues(body);
    if (typeof body.addRow === "string") return showProfile(c, { values, errors: form.ok ? {} : form.errors, extraRows: Number(body.addRow) || 1 });
    if (!form.ok) return showProfile(c, { values, errors: form.errors }, 422);
    const associationId = c.req.query("association") ?? "";
    await saveProfile(serviceContext(c), associationId, form.data);
    return c.redirect(`/grants/profile?association=${encodeURIComponent(associationId)}&notice=grantProfileSaved`, 303);
  })
  .post("/apply/:roundId", async (c) => {
    const body = (await formBody(c)) as Posted;
    const ctx = serviceContext(c);
    if (!isPerson(ctx.actor)) throw unauthenticated();
    const started = await startApplication(ctx, c.req.param("roundId"), typeof body.association === "string" ? body.association : "");
    if ("refusal" in started) {
      return render(c, c.get("t")("grants.refused.title"), <RefusalView refusal={started.refusal} round={started.round} scheme={started.scheme} />, 409);
    }
    return c.redirect(`/grants/applications/${started.application.id}`, 303);
  })
  .get("/applications/:id", (c) => showApplication(c))
  .post("/applications/:id", uploadBody(MAX_FILE_BYTES), async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    const body = (await formBody(c, { all: true })) as Posted;
    const action = typeof body.action === "string" ? body.action : "save";
    if (action === "submit") {
      try {
        await submitApplication(ctx, id, body);
        return c.redirect(`${application(c)}?notice=grantSubmitted`, 303);
      } catch (error) {
        const f = formFailure(error);
        return showApplication(c, { values: f.status === 409 ? undefined : postedValues(body), errors: f.fields }, f.status);
      }
    }
    const errors = await saveDraft(ctx, id, body);
    if (action === "check") {
      const { application: saved, scheme } = await openApplication(ctx, id, canApplyFor);
      const page = await applicationPage(ctx, id);
      return showApplication(c, { errors: { ...(await checkApplication(ctx, saved, scheme, page.form)), ...errors }, checked: true });
    }
    if (Object.keys(errors).length) return showApplication(c, { errors: { _form: "grants.apply.savedWithErrors", ...errors } });
    return c.redirect(`${application(c)}?notice=grantDraftSaved`, 303);
  })
  .post("/applications/:id/files", uploadBody(MAX_FILE_BYTES), async (c) => {
    const body = (await formBody(c, { all: true })) as Posted;
    const key = typeof body.field === "string" ? body.field : "";
    try {
      await keepTyped(c, body);
      const file = await attachmentUpload(body[`file.${key}`], key);
      if (!file) throw invalidField(`a.${key}`, "grants.files.required");
      await addAttachment(serviceContext(c), c.req.param("id"), key, file);
      return c.redirect(`${application(c)}?notice=grantFileAdded#f-a.${key}`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showApplication(c, { errors: f.fields }, f.status);
    }
  })
  .get("/applications/:id/files/:fileId", async (c) => {
    const { file, data } = await attachment(serviceContext(c), c.req.param("id"), c.req.param("fileId"));
    // Saved, never shown in the browser: a document opened here could run nothing (its own sandbox, no sniffing).
    return c.body(new Uint8Array(data), 200, {
      "Content-Type": file.contentType,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": `attachment; filename="${file.name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(file.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    });
  })
  .post("/applications/:id/files/:fileId/remove", uploadBody(MAX_FILE_BYTES), async (c) => {
    const body = (await formBody(c, { all: true })) as Posted;
    await keepTyped(c, body);
    await removeAttachment(serviceContext(c), c.req.param("id"), c.req.param("fileId"));
    return c.redirect(`${application(c)}?notice=grantFileRemoved`, 303);
  })
  .get("/applications/:id/receipt.pdf", async (c) => {
    const { application: a, pdf } = await receiptFor(serviceContext(c), c.req.param("id"));
    return c.body(new Uint8Array(pdf), 200, {
      "Content-Type": "application/pdf",
      "Content-Disposition": `inline; filename="${a.reference}.pdf"`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    });
  })
  .get("/applications/:id/withdraw", async (c) => {
    const { application: a } = await openApplication(serviceContext(c), c.req.param("id"), canApplyFor);
    return render(c, c.get("t")("grants.withdraw.title", { title: a.title || a.reference }), <WithdrawConfirm id={a.id} title={a.title || a.reference} />);
  })
  .post("/applications/:id/withdraw", async (c) => {
    await withdrawApplication(serviceContext(c), c.req.param("id"));
    return c.redirect(`${application(c)}?notice=grantWithdrawn`, 303);
  })
  .post("/applications/:id/answer", async (c) => {
    const body = (await formBody(c, { all: true })) as Posted;
    try {
      await answerQuestion(serviceContext(c), c.req.param("id"), body);
      return c.redirect(`${application(c)}?notice=grantAnswered`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showApplication(c, { values: postedValues(body), errors: f.fields }, f.status);
    }
  })
  .get("/schemes/:id/preview", (c) => showPreview(c))
  .post("/schemes/:id/preview", async (c) => {
    const ctx = serviceContext(c);
    const { scheme, form } = await previewForm(ctx, c.req.param("id"));
    const body = (await formBody(c, { all: true })) as Posted;
    const parsed = parseApplication(form, body, { mode: "submit", lang: ctx.lang, maxAmount: scheme.maxAmount, money: moneyIn(ctx) });
    return showPreview(c, { values: postedValues(body), errors: parsed.errors }, Object.keys(parsed.errors).length ? 422 : 200);
  });
