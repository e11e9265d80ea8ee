import { type Context, Hono } from "hono";
import { uploadBody } from "../../platform/http/body-limit.js";
import { csvResponse } from "../../platform/http/csv.js";
import type { AppEnv } from "../../platform/http/env.js";
import { AppError, type FieldErrors, formFailure, invalid } from "../../platform/http/errors.js";
import { formBody, parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { formats } from "../../platform/i18n/format.js";
import type { MessageKey } from "../../platform/i18n/i18n.js";
import { serviceContext } from "../../platform/service-context.js";
import { statusLabels } from "./agreements.labels.js";
import type { Agreement } from "./agreements.model.js";
import { nameOfLevel, REMIND_DAYS_BEFORE_END, textIn } from "./agreements.model.js";
import { AGREEMENT_LISTS, agreementInput, endInput, levelInput, manageQuery, moveInput } from "./agreements.schema.js";
import {
  agreementPage,
  agreementToEnd,
  changeAgreement,
  createAgreement,
  daysLeft,
  endAgreement,
  formChoices,
  manageList,
  mayManage,
  myAgreements,
  publicRegister,
  renewAgreement,
} from "./agreements.service.js";
import { addDocument, agreementDocumentUpload, DOCUMENT_MAX_BYTES, documentFile, removeDocument } from "./documents.js";
import { addLevel, changeLevel, levelsToKeep, levelToKeep, moveLevel, readerLevels, removeLevel } from "./levels.service.js";
import { type AgreementForm, AgreementPage, EndPage, ManagePage, MinePage, NewAgreementPage, RegisterPage } from "./views/agreement-views.js";
import { LevelPage, LevelsPage } from "./views/level-views.js";

type Status = 200 | 409 | 413 | 415 | 422 | 429;

/** Days left for agreements that end within the reminder's horizon; null for the others. */
function endingSoon(agreements: Agreement[], today: string): Record<string, number | null> {
  return Object.fromEntries(
    agreements.map((a) => {
      const days = a.endsOn && a.status === "agreed" && a.endsOn >= today ? daysLeft(a.endsOn, today) : null;
      return [a.id, days !== null && days <= REMIND_DAYS_BEFORE_END ? days : null];
    }),
  );
}

const emptyForm = (values: Record<string, string> = {}): AgreementForm => ({ values, party: [], partyGives: [], link: [], errors: {} });

function formOf(a: Agreement): AgreementForm {
  return {
    values: {
      title: a.title,
      purpose: a.purpose,
      level: a.level,
      status: a.status,
      municipalUnit: a.municipalUnit,
      municipalityGives: a.municipalityGives,
      startsOn: a.startsOn,
      endsOn: a.endsOn ?? "",
      isPublic: a.isPublic ? "on" : "",
      contactName: a.contactName,
      contactEmail: a.contactEmail,
      contactPhone: a.contactPhone,
      notes: a.notes,
    },
    party: a.parties.map((p) => p.associationId),
    partyGives: a.parties.map((p) => p.gives),
    link: [],
    errors: {},
  };
}

/** The form as sent, with its repeating rows read in order (a comma in what a party gives stays). */
async function sentForm(c: Context<AppEnv>, values: Record<string, string>, errors: FieldErrors): Promise<AgreementForm> {
  const body = await formBody(c, { all: true });
  const rows = (name: string) => {
    const v = body[name];
    return (Array.isArray(v) ? v : [v]).filter((x): x is string => typeof x === "string");
  };
  return { values, party: rows("party"), partyGives: rows("partyGives"), link: rows("link"), errors };
}

async function showNew(c: Context<AppEnv>, form: AgreementForm, status: Status = 200) {
  const ctx = serviceContext(c);
  mayManage(ctx);
  const choices = await formChoices(ctx);
  return render(c, c.get("t")("agreements.new.title"), <NewAgreementPage form={form} choices={choices} />, status);
}

/** The confirmation before an agreement ends: what ending means, its last day and a note. */
async function showEnd(c: Context<AppEnv>, values: Record<string, string> = {}, errors: FieldErrors = {}, status: Status = 200) {
  const { agreement, endsOn, latest } = await agreementToEnd(serviceContext(c), c.req.param("id") as string);
  const form = { endsOn: values.endsOn ?? endsOn, endNote: values.endNote ?? "" };
  return render(
    c,
    c.get("t")("agreements.endPage.title", { title: agreement.title }),
    <EndPage agreement={agreement} values={form} latest={latest} errors={errors} />,
    status,
  );
}

/** The tenant's scale of levels, with the form for a new one (as sent, when it failed) or a removal refused. */
async function showLevels(
  c: Context<AppEnv>,
  form: { values?: Record<string, string>; errors?: FieldErrors; refused?: MessageKey } = {},
  status: Status = 200,
) {
  const data = await levelsToKeep(serviceContext(c));
  return render(
    c,
    c.get("t")("agreements.levels.title"),
    <LevelsPage {...data} values={form.values ?? {}} errors={form.errors ?? {}} refused={form.refused} />,
    status,
  );
}

async function showLevel(c: Context<AppEnv>, values?: Record<string, string>, errors: FieldErrors = {}, status: Status = 200) {
  const ctx = serviceContext(c);
  const level = await levelToKeep(ctx, c.req.param("levelId") as string);
  const { languages } = await levelsToKeep(ctx);
  const sent =
    values ??
    Object.fromEntries(
      languages.flatMap((l) => [
        [`name_${l}`, level.names[l] ?? ""],
        [`description_${l}`, level.descriptions[l] ?? ""],
      ]),
    );
  const name = textIn(level.names, ctx.lang, ctx.tenant.defaultLanguage) || level.id;
  return render(
    c,
    c.get("t")("agreements.levels.edit", { name }),
    <LevelPage level={level} name={name} languages={languages} values={sent} errors={errors} />,
    status,
  );
}

async function showAgreement(c: Context<AppEnv>, forms: { form?: AgreementForm; fileError?: FieldErrors } = {}, status: Status = 200) {
  const page = await agreementPage(serviceContext(c), c.req.param("id") as string);
  const form = forms.form ?? { ...formOf(page.agreement), link: page.links.map((l) => `${l.kind}:${l.refId}`) };
  const endsIn = endingSoon([page.agreement], page.today)[page.agreement.id] ?? null;
  return render(c, page.agreement.title, <AgreementPage page={page} form={form} fileError={forms.fileError} endsIn={endsIn} />, status);
}

/** Cooperation agreements: the public register, the caseworkers' list and form, a board's own, and each agreement's page. */
// Order matters: the fixed paths come before an agreement's own "/:id" pages.
export const agreementsRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const ctx = serviceContext(c);
    const [agreements, levels] = await Promise.all([publicRegister(ctx), readerLevels(ctx)]);
    return render(c, c.get("t")("agreements.register.title"), <RegisterPage agreements={agreements} levels={levels} />);
  })
  .get("/manage", async (c) => {
    const filter = manageQuery.parse(c.req.query());
    const ctx = serviceContext(c);
    const { agreements, today } = await manageList(ctx, filter);
    const levels = await readerLevels(ctx);
    const query = new URLSearchParams(Object.entries(filter).filter((e): e is [string, NonNullable<(typeof e)[1]>] => Boolean(e[1]))).toString();
    return render(
      c,
      c.get("t")("agreements.manage.title"),
      <ManagePage
        agreements={agreements}
        levels={levels}
        filter={filter}
        endsIn={endingSoon(agreements, today)}
        csvHref={`/agreements/manage.csv${query ? `?${query}` : ""}`}
      />,
    );
  })
  .get("/manage.csv", async (c) => {
    const ctx = serviceContext(c);
    const { agreements } = await manageList(ctx, manageQuery.parse(c.req.query()));
    const levels = await readerLevels(ctx);
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    return csvResponse(
      c,
      "agreements.csv",
      [
        t("agreements.field.title"),
        t("agreements.field.level"),
        t("agreements.field.status"),
        t("agreements.field.municipalUnit"),
        t("agreements.field.municipalityGives"),
        t("agreements.field.parties"),
        t("agreements.csv.partiesGive"),
        t("agreements.field.startsOn"),
        t("agreements.field.endsOn"),
        t("agreements.field.inRegister"),
        t("agreements.field.contactName"),
        t("agreements.field.contactEmail"),
      ],
      agreements.map((a) => [
        a.title,
        nameOfLevel(levels, a.level),
        t(statusLabels[a.status]),
        a.municipalUnit,
        a.municipalityGives,
        a.parties.map((p) => p.name).join("; "),
        a.parties.map((p) => `${p.name}: ${p.gives}`).join("; "),
        fmt.date(a.startsOn),
        a.endsOn ? fmt.date(a.endsOn) : "",
        a.isPublic ? t("agreements.yes") : t("agreements.no"),
        a.contactName,
        a.contactEmail,
      ]),
    );
  })
  .get("/mine", async (c) => {
    const ctx = serviceContext(c);
    const { agreements, today } = await myAgreements(ctx);
    const levels = await readerLevels(ctx);
    return render(c, c.get("t")("agreements.mine.title"), <MinePage agreements={agreements} levels={levels} endsIn={endingSoon(agreements, today)} />);
  })
  .get("/new", async (c) => {
    const ctx = serviceContext(c);
    mayManage(ctx);
    const unit = c.get("tenant").name;
    // The middle of the default scale when the tenant still has it, else its first level.
    const levels = await readerLevels(ctx);
    const level = levels.find((l) => l.id === "cooperation")?.id ?? levels[0]?.id ?? "";
    return showNew(c, emptyForm({ level, status: "draft", municipalUnit: ctx.tenant.name || unit }));
  })
  .post("/new", async (c) => {
    const form = await parseForm(c, agreementInput, AGREEMENT_LISTS);
    if ("preview" in form.values) return showNew(c, { ...(await sentForm(c, form.values, {})), preview: form.values.purpose ?? "" });
    try {
      if (!form.ok) throw invalid(form.errors);
      const a = await createAgreement(serviceContext(c), form.data);
      return c.redirect(`/agreements/${a.id}?notice=agreementCreated`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showNew(c, await sentForm(c, form.values, f.fields), f.status);
    }
  })
  .get("/manage/levels", (c) => showLevels(c))
  .post("/manage/levels", async (c) => {
    const form = await parseForm(c, levelInput);
    try {
      if (!form.ok) throw invalid(form.errors);
      await addLevel(serviceContext(c), form.data);
      return c.redirect("/agreements/manage/levels?notice=agreementLevelAdded", 303);
    } catch (error) {
      const f = formFailure(error);
      return showLevels(c, { values: form.values, errors: f.fields }, f.status);
    }
  })
  .get("/manage/levels/:levelId", (c) => showLevel(c))
  .post("/manage/levels/:levelId", async (c) => {
    const form = await parseForm(c, levelInput);
    try {
      if (!form.ok) throw invalid(form.errors);
      await changeLevel(serviceContext(c), c.req.param("levelId"), form.data);
      return c.redirect("/agreements/manage/levels?notice=agreementLevelSaved", 303);
    } catch (error) {
      const f = formFailure(error);
      return showLevel(c, form.values, f.fields, f.status);
    }
  })
  .post("/manage/levels/:levelId/move", async (c) => {
    const form = await parseForm(c, moveInput);
    if (!form.ok) throw invalid(form.errors);
    await moveLevel(serviceContext(c), c.req.param("levelId"), form.data.direction);
    return c.redirect(`/agreements/manage/levels?notice=agreementLevelMoved#level-${c.req.param("levelId")}`, 303);
  })
  .post("/manage/levels/:levelId/remove", async (c) => {
    try {
      await removeLevel(serviceContext(c), c.req.param("levelId"));
      return c.redirect("/agreements/manage/levels?notice=agreementLevelRemoved", 303);
    } catch (error) {
      // In use, or the last one: the list again, saying why.
      if (error instanceof AppError && error.status === 409) return showLevels(c, { refused: error.messageKey }, 409);
      throw error;
    }
  })
  .get("/:id", (c) => showAgreement(c))
  .post("/:id", async (c) => {
    const form = await parseForm(c, agreementInput, AGREEMENT_LISTS);
    if ("preview" in form.values) return showAgreement(c, { form: { ...(await sentForm(c, form.values, {})), preview: form.values.purpose ?? "" } });
    try {
      if (!form.ok) throw invalid(form.errors);
      await changeAgreement(serviceContext(c), c.req.param("id"), form.data);
      return c.redirect(`/agreements/${c.req.param("id")}?notice=agreementSaved`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showAgreement(c, { form: await sentForm(c, form.values, f.fields) }, f.status);
    }
  })
  .post("/:id/renew", async (c) => {
    const next = await renewAgreement(serviceContext(c), c.req.param("id"));
    return c.redirect(`/agreements/${next.id}?notice=agreementRenewed`, 303);
  })
  .get("/:id/end", (c) => showEnd(c))
  .post("/:id/end", async (c) => {
    const form = await parseForm(c, endInput);
    // Without the confirmation (an old form, a stray request) nothing ends: the page asks first.
    if (form.values.confirm !== "yes") return showEnd(c);
    try {
      if (!form.ok) throw invalid(form.errors);
      await endAgreement(serviceContext(c), c.req.param("id"), form.data);
      return c.redirect(`/agreements/${c.req.param("id")}?notice=agreementEnded`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showEnd(c, form.values, f.fields, f.status);
    }
  })
  .post("/:id/documents", uploadBody(DOCUMENT_MAX_BYTES), async (c) => {
    try {
      const file = await agreementDocumentUpload((await formBody(c)).file);
      if (!file) throw invalid({ file: "agreements.files.required" });
      await addDocument(serviceContext(c), c.req.param("id"), file);
      return c.redirect(`/agreements/${c.req.param("id")}?notice=agreementDocumentAdded#documents`, 303);
    } catch (error) {
      const f = formFailure(error);
      return showAgreement(c, { fileError: f.fields }, f.status);
    }
  })
  .get("/:id/documents/:docId", async (c) => {
    const { doc, data } = await documentFile(serviceContext(c), c.req.param("id"), c.req.param("docId"));
    // Saved, never shown in the browser: a document opened here could run nothing (its own sandbox, no sniffing).
    return c.body(new Uint8Array(data), 200, {
      "Content-Type": doc.contentType,
      "Content-Security-Policy": "default-src 'none'; sandbox",
      "Content-Disposition": `attachment; filename="${doc.name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(doc.name)}`,
      "X-Content-Type-Options": "nosniff",
      "Cache-Control": "private, no-store",
    });
  })
  .post("/:id/documents/:docId/remove", async (c) => {
    await removeDocument(serviceContext(c), c.req.param("id"), c.req.param("docId"));
    return c.redirect(`/agreements/${c.req.param("id")}?notice=agreementDocumentRemoved#documents`, 303);
  });
