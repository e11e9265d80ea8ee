import type { Context } from "hono";
import { Hono } from "hono";
import { can, isPerson } from "../../../platform/auth/policy.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure, invalid, notFound } from "../../../platform/http/errors.js";
import { moneyText } from "../../../platform/http/fields.js";
import { formBody, parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { LANGUAGES } from "../../../platform/i18n/i18n.js";
import { type ServiceContext, serviceContext, tenantToday } from "../../../platform/service-context.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import { localParts } from "../../../platform/time/recurrence.js";
import { agreementsPartOf } from "../../agreements/index.js";
import { namesForMember } from "../../associations/index.js";
import { allFields, type FormField, pickText } from "../form.model.js";
import { addField, addSection, builderAction, changeField, changeSection, conditionSources, formBuilder, isBuilderError } from "../form-builder.js";
import type { Round, Scheme } from "../grants.model.js";
import { canApplyForSome } from "../grants.policy.js";
import {
  changeRound,
  changeScheme,
  createRound,
  createScheme,
  mayManage,
  openSchemes,
  roundToManage,
  schemeAbout,
  schemesToManage,
  schemeToManage,
} from "../schemes.js";
import {
  builderActionInput,
  CRITERION_BLANKS,
  fieldInput,
  roundInput,
  SCHEME_LISTS,
  SCHEME_TEXTS,
  schemeInput,
  sectionInput,
  settingsInput,
} from "../schemes.schema.js";
import { grantSettings, saveSettings, settingsValues } from "../settings.js";
import { BuilderPage, FieldFormPage, SectionFormPage } from "../views/form-builder-views.js";
import { OpenSchemesPage, SchemeAboutPage } from "../views/open-schemes-views.js";
import { type CriterionRow, RoundFormPage, SchemeFormPage, SchemesPage } from "../views/scheme-views.js";
import { SettingsPage } from "../views/settings-views.js";

type Status = 200 | 409 | 413 | 415 | 422 | 429;
const currencyOf = (ctx: ServiceContext) => countryProfile(ctx.tenant.country).currency;

/** A sum in minor units as a person types it: "25000" or "150,50". */

const blanks = (rows: CriterionRow[], n: number) => [...rows, ...Array.from({ length: n }, () => ({ key: "", label: "", weight: "" }))];

function schemeValues(s: Scheme, lang: string): Record<string, string> {
  const values: Record<string, string> = {
    title: s.title,
    purpose: s.purpose,
    rules: s.rules,
    whoMayApply: s.whoMayApply,
    requiresRegistration: s.requiresRegistration ? "on" : "",
    maxAmount: moneyText(s.maxAmount, lang),
    reportMonths: String(s.reportMonths),
    allYear: s.allYear ? "on" : "",
    status: s.status,
  };
  for (const lang of LANGUAGES) for (const f of SCHEME_TEXTS) values[`${f}_${lang}`] = s.translations[lang]?.[f] ?? "";
  return values;
}

async function showScheme(
  c: Context<AppEnv>,
  scheme: Scheme | null,
  form: { values: Record<string, string>; reportDemands: string[]; criteria: CriterionRow[] },
  errors?: FieldErrors,
  status: Status = 200,
) {
  const ctx = serviceContext(c);
  const t = c.get("t");
  const otherLanguages = ctx.tenant.languages.filter((l) => l !== ctx.tenant.defaultLanguage);
  return render(
    c,
    scheme ? t("grants.scheme.edit", { title: scheme.title }) : t("grants.scheme.new"),
    <SchemeFormPage scheme={scheme} {...form} otherLanguages={otherLanguages} errors={errors} />,
    status,
  );
}

/** The scheme's form as sent, its rows read whole. */
async function sentScheme(c: Context<AppEnv>, values: Record<string, string>) {
  const body = await formBody(c, { all: true });
  const list = (name: string): string[] => {
    const v = body[name];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter((x): x is string => typeof x === "string");
  };
  const [keys, labels, weights] = [list("criterionKey"), list("criterionLabel"), list("criterionWeight")];
  const criteria = labels.map((label, i) => ({ key: keys[i] ?? "", label, weight: weights[i] ?? "" })).filter((r) => r.key || r.label || r.weight);
  return { values, reportDemands: list("reportDemands"), criteria, addRow: body.addRow === "criterion" };
}

async function saveScheme(c: Context<AppEnv>, id: string | null) {
  const ctx = serviceContext(c);
  mayManage(ctx);
  const before = id ? await schemeToManage(ctx, id) : null;
  const form = await parseForm(c, schemeInput, SCHEME_LISTS);
  const sent = await sentScheme(c, form.values);
  if (sent.addRow) return showScheme(c, before, { ...sent, criteria: blanks(sent.criteria, CRITERION_BLANKS + 1) });
  try {
    if (!form.ok) throw invalid(form.errors);
    const scheme = id ? await changeScheme(ctx, id, form.data) : await createScheme(ctx, form.data);
    return c.redirect(id ? `/grants/schemes?notice=grantSchemeSaved` : `/grants/schemes/${scheme.id}/form?notice=grantSchemeCreated`, 303);
  } catch (error) {
    const f = formFailure(error);
    return showScheme(c, before, { ...sent, criteria: blanks(sent.criteria, CRITERION_BLANKS) }, f.fields, f.status);
  }
}

function roundValues(round: Round, zone: string, lang: string): Record<string, string> {
  const deadline = round.deadlineAt ? localParts(round.deadlineAt, zone) : null;
  const second = round.secondDeadlineAt ? localParts(round.secondDeadlineAt, zone) : null;
  return {
    title: round.title,
    opensDate: localParts(round.opensAt, zone).date,
    deadlineDate: deadline?.date ?? "",
    deadlineTime: deadline?.time ?? "23:59",
    secondDeadlineDate: second?.date ?? "",
    secondDeadlineTime: second?.time ?? "",
    budget: moneyText(round.budget, lang),
    decisionBody: round.decisionBody,
  };
}

function showRound(c: Context<AppEnv>, scheme: Scheme, round: Round | null, values: Record<string, string>, errors?: FieldErrors, status: Status = 200) {
  const t = c.get("t");
  const title = round ? t("grants.round.edit", { title: round.title }) : t("grants.round.newFor", { scheme: scheme.title });
  return render(c, title, <RoundFormPage scheme={scheme} round={round} values={values} errors={errors} zone={c.get("tenant").timeZone} />, status);
}

/** "Show only when Har I søgt andre? is Ja": the condition in words, for the builder's list and its select. */
function conditionWords(c: Context<AppEnv>, fields: FormField[]) {
  const t = c.get("t");
  const lang = c.get("lang");
  const answerText = (source: FormField, value: string) =>
    source.type === "yesNo"
      ? t(value === "yes" ? "grants.field.yes" : "grants.field.no")
      : pickText(source.choices.find((ch) => ch.key === value)?.label, lang);
  const text = (f: FormField) => {
    if (!f.showIf) return null;
    const source = fields.find((s) => s.key === f.showIf?.field);
    if (!source) return null;
    return t("grants.field.showIf.text", { field: pickText(source.label, lang), answer: answerText(source, f.showIf.equals) });
  };
  const options = (sources: FormField[]) =>
    sources.flatMap((s) =>
      (s.type === "yesNo" ? ["yes", "no"] : s.choices.map((ch) => ch.key)).map((value) => ({
        value: `${s.key}=${value}`,
        label: t("grants.field.showIf.option", { field: pickText(s.label, lang), answer: answerText(s, value) }),
      })),
    );
  return { text, options };
}

async function showBuilder(c: Context<AppEnv>, error: string | null = null, status: Status = 200) {
  const builder = await formBuilder(serviceContext(c), c.req.param("id") ?? "");
  const words = conditionWords(c, allFields(builder.version.definition));
  return render(
    c,
    c.get("t")("grants.form.heading", { scheme: builder.scheme.title }),
    <BuilderPage builder={builder} error={error} conditionText={words.text} />,
    status,
  );
}

function fieldValues(f: FormField | null, languages: readonly string[], currencyMinor: boolean, lang: string): Record<string, string> {
  if (!f) return { type: "text", required: "" };
  const values: Record<string, string> = {
    type: f.type,
    required: f.required ? "on" : "",
    max: f.max === undefined ? "" : currencyMinor && f.type === "amount" ? moneyText(f.max, lang) : String(f.max),
    showIf: f.showIf ? `${f.showIf.field}=${f.showIf.equals}` : "",
  };
  for (const l of languages) {
    values[`label_${l}`] = f.label[l as keyof typeof f.label] ?? "";
    values[`help_${l}`] = f.help[l as keyof typeof f.help] ?? "";
    values[`choices_${l}`] = f.choices.map((ch) => ch.label[l as keyof typeof ch.label] ?? "").join("\n");
  }
  return values;
}

async function showField(c: Context<AppEnv>, key: string | null, values: Record<string, string> | null, errors?: FieldErrors, status: Status = 200) {
  const ctx = serviceContext(c);
  const builder = await formBuilder(ctx, c.req.param("id") ?? "");
  const def = builder.version.definition;
  const field = key ? allFields(def).find((f) => f.key === key) : null;
  if (key && !field) throw notFound();
  const section = field
    ? (def.sections.find((s) => s.fields.some((f) => f.key === key))?.key ?? "")
    : (values?.section ?? c.req.query("section") ?? def.sections.at(-1)?.key ?? "");
  const words = conditionWords(c, allFields(def));
  const sources = conditionSources(def, field ? { fieldKey: field.key } : { sectionKey: section });
  const lang = ctx.lang;
  const filled = values ?? fieldValues(field ?? null, ctx.tenant.languages, true, ctx.lang);
  const page = (
    <FieldFormPage
      schemeId={builder.scheme.id}
      field={field ?? null}
      section={section}
      sections={def.sections.map((s) => ({ value: s.key, label: pickText(s.title, lang) }))}
      languages={ctx.tenant.languages}
      defaultLanguage={ctx.tenant.defaultLanguage}
      conditions={words.options(sources)}
      values={filled}
      errors={errors}
    />
  );
  return render(c, c.get("t")(field ? "grants.field.edit" : "grants.field.new"), page, status);
}

async function saveField(c: Context<AppEnv>, key: string | null) {
  const ctx = serviceContext(c);
  const id = c.req.param("id") ?? "";
  await formBuilder(ctx, id);
  const form = await parseForm(c, fieldInput);
  try {
    if (!form.ok) throw invalid(form.errors);
    if (key) await changeField(ctx, id, key, form.data);
    else await addField(ctx, id, form.data);
    return c.redirect(`/grants/schemes/${id}/form?notice=grantFormSaved`, 303);
  } catch (error) {
    const f = formFailure(error);
    return showField(c, key, form.values, f.fields, f.status);
  }
}

async function showSection(c: Context<AppEnv>, key: string | null, values: Record<string, string> | null, errors?: FieldErrors, status: Status = 200) {
  const ctx = serviceContext(c);
  const builder = await formBuilder(ctx, c.req.param("id") ?? "");
  const section = key ? builder.version.definition.sections.find((s) => s.key === key) : null;
  if (key && !section) throw notFound();
  const filled: Record<string, string> = values ?? {};
  if (!values && section) {
    for (const l of ctx.tenant.languages) {
      filled[`title_${l}`] = section.title[l] ?? "";
      filled[`help_${l}`] = section.help[l] ?? "";
    }
  }
  const page = (
    <SectionFormPage
      schemeId={builder.scheme.id}
      section={section ?? null}
      languages={ctx.tenant.languages}
      defaultLanguage={ctx.tenant.defaultLanguage}
      values={filled}
      errors={errors}
    />
  );
  return render(c, c.get("t")(section ? "grants.section.edit" : "grants.section.new"), page, status);
}

async function saveSection(c: Context<AppEnv>, key: string | null) {
  const ctx = serviceContext(c);
  const id = c.req.param("id") ?? "";
  await formBuilder(ctx, id);
  const form = await parseForm(c, sectionInput);
  try {
    if (!form.ok) throw invalid(form.errors);
    if (key) await changeSection(ctx, id, key, form.data);
    else await addSection(ctx, id, form.data);
    return c.redirect(`/grants/schemes/${id}/form?notice=grantFormSaved`, 303);
  } catch (error) {
    const f = formFailure(error);
    return showSection(c, key, form.values, f.fields, f.status);
  }
}

/** The associations the signed-in person may apply for (their board seats), or null for someone who may not apply. */
async function boardSeats(ctx: ServiceContext): Promise<{ id: string; name: string }[] | null> {
  if (!isPerson(ctx.actor) || !can(ctx.actor, canApplyForSome, { tenantId: ctx.tenant.id })) return null;
  const actor = ctx.actor;
  return (await namesForMember(ctx.db, ctx.tenant.id, actor.userId)).filter((a) => actor.memberships.get(a.id) === "admin");
}

export const schemesRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const ctx = serviceContext(c);
    const [schemes, associations] = await Promise.all([openSchemes(ctx), boardSeats(ctx)]);
    return render(
      c,
      c.get("t")("grants.open.title"),
      <OpenSchemesPage schemes={schemes} currency={currencyOf(ctx)} associations={associations} signedIn={isPerson(ctx.actor)} />,
    );
  })
  .get("/schemes", async (c) => {
    const ctx = serviceContext(c);
    const rows = await schemesToManage(ctx);
    return render(c, c.get("t")("grants.schemes.title"), <SchemesPage rows={rows} currency={currencyOf(ctx)} />);
  })
  .get("/schemes/new", async (c) => {
    mayManage(serviceContext(c));
    const values = { status: "draft", reportMonths: "3", reportDemands: "activities,accounts" };
    return showScheme(c, null, { values, reportDemands: ["activities", "accounts"], criteria: blanks([], CRITERION_BLANKS + 1) });
  })
  .post("/schemes/new", (c) => saveScheme(c, null))
  .get("/schemes/:id/about", async (c) => {
    const ctx = serviceContext(c);
    const [about, associations] = await Promise.all([schemeAbout(ctx, c.req.param("id")), boardSeats(ctx)]);
    const partOf = await agreementsPartOf(ctx, "grant_scheme", about.scheme.id);
    return render(c, about.scheme.title, <SchemeAboutPage about={about} currency={currencyOf(ctx)} associations={associations} partOf={partOf} />);
  })
  .get("/schemes/:id", async (c) => {
    const ctx = serviceContext(c);
    const scheme = await schemeToManage(ctx, c.req.param("id"));
    const lang = ctx.tenant.defaultLanguage;
    const criteria = scheme.criteria.map((cr) => ({ key: cr.key, label: cr.label[lang] ?? pickText(cr.label, lang), weight: String(cr.weight) }));
    return showScheme(c, scheme, { values: schemeValues(scheme, ctx.lang), reportDemands: scheme.reportDemands, criteria: blanks(criteria, CRITERION_BLANKS) });
  })
  .post("/schemes/:id", (c) => saveScheme(c, c.req.param("id")))
  .get("/schemes/:id/rounds/new", async (c) => {
    const ctx = serviceContext(c);
    const scheme = await schemeToManage(ctx, c.req.param("id"));
    return showRound(c, scheme, null, { opensDate: tenantToday(ctx), deadlineTime: "23:59", decisionBody: "" });
  })
  .post("/schemes/:id/rounds/new", async (c) => {
    const ctx = serviceContext(c);
    const scheme = await schemeToManage(ctx, c.req.param("id"));
    const form = await parseForm(c, roundInput);
    try {
      if (!form.ok) throw invalid(form.errors);
      await createRound(ctx, scheme.id, form.data);
      return c.redirect("/grants/schemes?notice=grantRoundSaved", 303);
    } catch (error) {
      const f = formFailure(error);
      return showRound(c, scheme, null, form.values, f.fields, f.status);
    }
  })
  .get("/rounds/:id/edit", async (c) => {
    const ctx = serviceContext(c);
    const { round, scheme } = await roundToManage(ctx, c.req.param("id"));
    return showRound(c, scheme, round, roundValues(round, ctx.tenant.timeZone, ctx.lang));
  })
  .post("/rounds/:id/edit", async (c) => {
    const ctx = serviceContext(c);
    const { round, scheme } = await roundToManage(ctx, c.req.param("id"));
    const form = await parseForm(c, roundInput);
    try {
      if (!form.ok) throw invalid(form.errors);
      await changeRound(ctx, round.id, form.data);
      return c.redirect("/grants/schemes?notice=grantRoundSaved", 303);
    } catch (error) {
      const f = formFailure(error);
      return showRound(c, scheme, round, form.values, f.fields, f.status);
    }
  })
  .get("/schemes/:id/form", (c) => showBuilder(c))
  .post("/schemes/:id/form/change", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    await formBuilder(ctx, id);
    const form = await parseForm(c, builderActionInput);
    try {
      if (!form.ok) throw invalid(form.errors);
      await builderAction(ctx, id, form.data.op, form.data.key);
      return c.redirect(`/grants/schemes/${id}/form?notice=grantFormSaved`, 303);
    } catch (error) {
      if (!isBuilderError(error)) throw error;
      return showBuilder(c, c.get("t")(error.messageKey), 422);
    }
  })
  .get("/schemes/:id/form/fields/new", (c) => showField(c, null, null))
  .post("/schemes/:id/form/fields/new", (c) => saveField(c, null))
  .get("/schemes/:id/form/fields/:key", (c) => showField(c, c.req.param("key"), null))
  .post("/schemes/:id/form/fields/:key", (c) => saveField(c, c.req.param("key")))
  .get("/schemes/:id/form/sections/new", (c) => showSection(c, null, null))
  .post("/schemes/:id/form/sections/new", (c) => saveSection(c, null))
  .get("/schemes/:id/form/sections/:key", (c) => showSection(c, c.req.param("key"), null))
  .post("/schemes/:id/form/sections/:key", (c) => saveSection(c, c.req.param("key")))
  .get("/settings", async (c) => {
    const ctx = serviceContext(c);
    const settings = await grantSettings(ctx);
    return render(
      c,
      c.get("t")("grants.settings.title"),
      <SettingsPage languages={ctx.tenant.languages} values={settingsValues(settings, ctx.tenant.languages)} />,
    );
  })
  .post("/settings", async (c) => {
    const ctx = serviceContext(c);
    mayManage(ctx);
    const form = await parseForm(c, settingsInput);
    try {
      if (!form.ok) throw invalid(form.errors);
      await saveSettings(ctx, form.data);
      return c.redirect("/grants/settings?notice=grantSettingsSaved", 303);
    } catch (error) {
      const f = formFailure(error);
      return render(c, c.get("t")("grants.settings.title"), <SettingsPage languages={ctx.tenant.languages} values={form.values} errors={f.fields} />, f.status);
    }
  });
