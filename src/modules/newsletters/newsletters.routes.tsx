import { type Context, Hono } from "hono";
import type { AppEnv } from "../../platform/http/env.js";
import { type FieldErrors, formFailure } from "../../platform/http/errors.js";
import { parseForm, readForm } from "../../platform/http/forms.js";
import { noStore, render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { segmentValue } from "./newsletters.model.js";
import { draftInput, subscribeInput, tokenInput } from "./newsletters.schema.js";
import {
  archived,
  archiveList,
  confirmPage,
  confirmSubscription,
  createDraft,
  newDraftPage,
  newsletterPage,
  newslettersPage,
  saveDraft,
  sendNewsletter,
  subscribe,
  unsubscribe,
  unsubscribePage,
} from "./newsletters.service.js";
import { ArchivedPage, ArchivePage, ConfirmPage, DraftPage, NewslettersPage, SentPage, SubscribePage, UnsubscribePage } from "./views/newsletters-views.js";

type FormState = { values: Record<string, string>; errors: FieldErrors };
type Status = 200 | 409 | 413 | 415 | 422 | 429;

async function showNew(c: Context<AppEnv>, form?: FormState, preview?: string | null, status: Status = 200) {
  const { choices } = await newDraftPage(serviceContext(c));
  return render(c, c.get("t")("newsletters.new"), <DraftPage action="/newsletters" choices={choices} form={form} preview={preview} />, status);
}

async function showNewsletter(c: Context<AppEnv>, forms: { form?: FormState; preview?: string | null; sendErrors?: FieldErrors } = {}, status: Status = 200) {
  const page = await newsletterPage(serviceContext(c), c.req.param("id") as string);
  const n = page.newsletter;
  if (n.status !== "draft") {
    const choice = page.choices.find((ch) => ch.value === segmentValue(n.segment));
    return render(c, n.subject, <SentPage newsletter={n} counts={page.counts} segmentName={choice?.name ?? null} />, status);
  }
  const form = forms.form ?? { values: { subject: n.subject, body: n.body, segment: segmentValue(n.segment) }, errors: {} };
  return render(
    c,
    n.subject,
    <DraftPage
      action={`/newsletters/${n.id}`}
      choices={page.choices}
      form={form}
      preview={forms.preview}
      newsletter={n}
      reach={page.reach}
      sendErrors={forms.sendErrors}
    />,
    status,
  );
}

async function showUnsubscribe(c: Context<AppEnv>) {
  const token = c.req.param("token") as string;
  const page = await unsubscribePage(serviceContext(c), token);
  noStore(c);
  c.header("Referrer-Policy", "no-referrer");
  return render(c, c.get("t")("newsletters.unsubscribe.title"), <UnsubscribePage token={token} {...page} />);
}

/**
 * Newsletters: staff write a draft (subject, Markdown text, one segment) and send it; the sending job queues the
 * mails in batches. The archive and the subscription (double opt-in) are public; so is the unsubscribe link.
 */
// Order matters: the fixed paths come before a newsletter's own "/:id".
export const newslettersRoutes = new Hono<AppEnv>()
  .get("/", async (c) => render(c, c.get("t")("newsletters.title"), <NewslettersPage items={await newslettersPage(serviceContext(c))} />))
  .get("/new", (c) => showNew(c))
  .post("/", async (c) => {
    const form = await parseForm(c, draftInput);
    if (form.values.preview !== undefined) return showNew(c, { values: form.values, errors: {} }, form.values.body ?? "");
    if (!form.ok) return showNew(c, form, null, 422);
    try {
      const id = await createDraft(serviceContext(c), form.data);
      return c.redirect(`/newsletters/${id}?notice=newsletterSaved`, 303);
    } catch (e) {
      const f = formFailure(e);
      return showNew(c, { values: form.values, errors: f.fields }, null, f.status);
    }
  })
  .get("/archive", async (c) => render(c, c.get("t")("newsletters.archive.title"), <ArchivePage newsletters={await archiveList(serviceContext(c))} />))
  .get("/archive/:id", async (c) => {
    const n = await archived(serviceContext(c), c.req.param("id"));
    return render(c, n.subject, <ArchivedPage newsletter={n} />);
  })
  .get("/subscribe", (c) => render(c, c.get("t")("newsletters.subscribe.title"), <SubscribePage />))
  .post("/subscribe", async (c) => {
    const form = await parseForm(c, subscribeInput);
    const show = (state: FormState, status: Status) => render(c, c.get("t")("newsletters.subscribe.title"), <SubscribePage form={state} />, status);
    if (!form.ok) return show(form, 422);
    try {
      await subscribe(serviceContext(c), form.data.email);
    } catch (e) {
      const f = formFailure(e);
      return show({ values: form.values, errors: f.fields }, f.status);
    }
    return render(c, c.get("t")("newsletters.subscribe.title"), <SubscribePage sent />);
  })
  .get("/subscribe/confirm", async (c) => {
    const token = c.req.query("token") ?? "";
    const page = await confirmPage(serviceContext(c), token);
    c.header("Referrer-Policy", "no-referrer");
    return render(c, c.get("t")("newsletters.subscribe.title"), <ConfirmPage token={token} {...page} />);
  })
  .post("/subscribe/confirm", async (c) => {
    const form = await parseForm(c, tokenInput);
    const token = form.ok ? form.data.token : "";
    await confirmSubscription(serviceContext(c), token);
    const page = await confirmPage(serviceContext(c), token);
    return render(c, c.get("t")("newsletters.subscribe.title"), <ConfirmPage token={token} {...page} />);
  })
  .get("/unsubscribe/:token", (c) => showUnsubscribe(c))
  // RFC 8058: the mail program POSTs "List-Unsubscribe=One-Click" here without a cookie or form token (app.ts lets exactly this path through the CSRF check).
  .post("/unsubscribe/:token", async (c) => {
    await unsubscribe(serviceContext(c), c.req.param("token"));
    return showUnsubscribe(c);
  })
  .get("/:id", (c) => showNewsletter(c))
  .post("/:id", async (c) => {
    const form = await parseForm(c, draftInput);
    if (form.values.preview !== undefined) return showNewsletter(c, { form: { values: form.values, errors: {} }, preview: form.values.body ?? "" });
    if (!form.ok) return showNewsletter(c, { form }, 422);
    try {
      await saveDraft(serviceContext(c), c.req.param("id"), form.data);
      return c.redirect(`/newsletters/${c.req.param("id")}?notice=newsletterSaved`, 303);
    } catch (e) {
      const f = formFailure(e);
      return showNewsletter(c, { form: { values: form.values, errors: f.fields } }, f.status);
    }
  })
  .post("/:id/send", async (c) => {
    await readForm(c);
    try {
      await sendNewsletter(serviceContext(c), c.req.param("id"));
    } catch (e) {
      const f = formFailure(e);
      return showNewsletter(c, { sendErrors: f.fields }, f.status);
    }
    return c.redirect(`/newsletters/${c.req.param("id")}?notice=newsletterSent`, 303);
  });
