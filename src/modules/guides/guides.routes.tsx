import { type Context, Hono } from "hono";
import type { AppEnv } from "../../platform/http/env.js";
import { type FieldErrors, formFailure, invalid } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { LANGUAGES } from "../../platform/i18n/i18n.js";
import { serviceContext } from "../../platform/service-context.js";
import type { Guide } from "./guides.model.js";
import { guideInput, guideListQuery } from "./guides.schema.js";
import {
  changeGuide,
  createGuide,
  deleteGuide,
  guidesToManage,
  guideToEdit,
  mayWrite,
  publishedByCategory,
  publishedGuide,
  writesGuides,
} from "./guides.service.js";
import { DeleteGuidePage, GuideFormPage, GuidePage, GuidesPage, ManageGuidesPage } from "./views/guide-views.js";

type Status = 200 | 409 | 413 | 415 | 422 | 429;

/** The form's fields filled from a guide. */
function valuesOf(g: Guide, defaultLanguage: string): Record<string, string> {
  const values: Record<string, string> = { category: g.category, status: g.status };
  for (const [lang, text] of Object.entries(g.texts)) {
    const suffix = lang === defaultLanguage ? "" : `_${lang}`;
    values[`title${suffix}`] = text.title;
    values[`summary${suffix}`] = text.summary;
    values[`body${suffix}`] = text.body;
  }
  return values;
}

function showForm(
  c: Context<AppEnv>,
  guide: Guide | null,
  values: Record<string, string>,
  options: { errors?: FieldErrors; status?: Status; preview?: { field: string; text: string } | null } = {},
) {
  const ctx = serviceContext(c);
  const t = c.get("t");
  const otherLanguages = ctx.tenant.languages.filter((l) => l !== ctx.tenant.defaultLanguage);
  return render(
    c,
    guide ? t("guides.edit.title") : t("guides.new"),
    <GuideFormPage guide={guide} values={values} errors={options.errors} otherLanguages={otherLanguages} preview={options.preview ?? null} />,
    options.status ?? 200,
  );
}

/** The names a preview button may name: the body in each language. */
const PREVIEWABLE = new Set(["body", ...LANGUAGES.map((l) => `body_${l}`)]);

async function saveGuide(c: Context<AppEnv>, id: string | null) {
  const ctx = serviceContext(c);
  mayWrite(ctx);
  const before = id ? await guideToEdit(ctx, id) : null;
  const form = await parseForm(c, guideInput);
  const asked = form.values.preview;
  // "Preview" shows the form again with the text as it will look; nothing is saved.
  if (asked !== undefined && PREVIEWABLE.has(asked)) return showForm(c, before, form.values, { preview: { field: asked, text: form.values[asked] ?? "" } });
  try {
    if (!form.ok) throw invalid(form.errors);
    const guide = id ? await changeGuide(ctx, id, form.data) : await createGuide(ctx, form.data);
    const notice = guide.status === "published" ? "guidePublished" : "guideSaved";
    return c.redirect(`/guides/manage?notice=${notice}`, 303);
  } catch (error) {
    const f = formFailure(error);
    return showForm(c, before, form.values, { errors: f.fields, status: f.status });
  }
}

/** Guides: the public list and articles, and the pages where staff write them. */
export const guidesRoutes = new Hono<AppEnv>()
  .get("/", async (c) => {
    const ctx = serviceContext(c);
    const query = guideListQuery.parse(c.req.query());
    const groups = await publishedByCategory(ctx, query.category);
    return render(c, c.get("t")("guides.title"), <GuidesPage groups={groups} category={query.category} mayWrite={writesGuides(ctx)} />);
  })
  .get("/manage", async (c) => {
    const ctx = serviceContext(c);
    const guides = await guidesToManage(ctx);
    return render(c, c.get("t")("guides.manage.title"), <ManageGuidesPage guides={guides} defaultLanguage={ctx.tenant.defaultLanguage} />);
  })
  .get("/new", (c) => {
    mayWrite(serviceContext(c));
    return showForm(c, null, { status: "draft", category: "" });
  })
  .post("/new", (c) => saveGuide(c, null))
  .get("/:id/edit", async (c) => {
    const ctx = serviceContext(c);
    const guide = await guideToEdit(ctx, c.req.param("id"));
    return showForm(c, guide, valuesOf(guide, ctx.tenant.defaultLanguage));
  })
  .post("/:id/edit", (c) => saveGuide(c, c.req.param("id")))
  .get("/:id/delete", async (c) => {
    const ctx = serviceContext(c);
    const guide = await guideToEdit(ctx, c.req.param("id"));
    const title = guide.texts[ctx.tenant.defaultLanguage]?.title ?? guide.slug;
    return render(c, c.get("t")("guides.delete.title", { title }), <DeleteGuidePage id={guide.id} title={title} published={guide.status === "published"} />);
  })
  .post("/:id/delete", async (c) => {
    await deleteGuide(serviceContext(c), c.req.param("id"));
    return c.redirect("/guides/manage?notice=guideDeleted", 303);
  })
  .get("/:slug", async (c) => {
    const ctx = serviceContext(c);
    const reading = await publishedGuide(ctx, c.req.param("slug"));
    return render(c, reading.text.title, <GuidePage reading={reading} readerLang={ctx.lang} mayEdit={writesGuides(ctx)} />);
  });
