import { type Context, Hono } from "hono";
import { can, isPerson } from "../../platform/auth/policy.js";
import type { AppEnv } from "../../platform/http/env.js";
import { type FieldErrors, formFailure, invalid } from "../../platform/http/errors.js";
import { parseForm } from "../../platform/http/forms.js";
import { noStore, render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { canManageContact } from "./contact.policy.js";
import { answerInput, enquiryInput, inboxQuery, moveInput, noteInput, settingsInput, topicInput } from "./contact.schema.js";
import { answerEnquiry, closeEnquiry, enquiryToHandle, followEnquiry, inboxOf, moveEnquiry, noteEnquiry, sendEnquiry } from "./enquiries.js";
import {
  changeTopic,
  contactSettings,
  createTopic,
  mayManage,
  publicTopics,
  saveSettings,
  settingsValues,
  topicsToManage,
  topicToManage,
  topicValues,
} from "./topics.js";
import { ContactFormPage, FollowPage, SentPage, WhoPage } from "./views/public-views.js";
import { EnquiryStaffPage, InboxPage, SettingsPage, TopicFormPage, TopicsPage } from "./views/staff-views.js";

type Form = { values: Record<string, string>; errors: FieldErrors };
type Status = 200 | 409 | 413 | 415 | 422 | 429;

async function showForm(c: Context<AppEnv>, values: Record<string, string>, errors?: FieldErrors, status: Status = 200) {
  const topics = await publicTopics(serviceContext(c));
  return render(c, c.get("t")("contact.form.title"), <ContactFormPage topics={topics} values={values} errors={errors} />, status);
}

async function showTopic(c: Context<AppEnv>, id: string | null, form?: Form, status: Status = 200) {
  const ctx = serviceContext(c);
  const t = c.get("t");
  if (id === null) {
    const { people } = await topicsToManage(ctx);
    const f = form ?? { values: topicValues(null, ctx.tenant.languages), errors: {} };
    return render(
      c,
      t("contact.topics.new"),
      <TopicFormPage action="/contact/topics/new" title={t("contact.topics.new")} languages={ctx.tenant.languages} people={people} form={f} />,
      status,
    );
  }
  const { topic, people } = await topicToManage(ctx, id);
  const f = form ?? { values: topicValues(topic, ctx.tenant.languages), errors: {} };
  return render(
    c,
    t("contact.topics.edit"),
    <TopicFormPage action={`/contact/topics/${id}`} title={t("contact.topics.edit")} languages={ctx.tenant.languages} people={people} form={f} />,
    status,
  );
}

const saveTopic = (existing: boolean) => async (c: Context<AppEnv>) => {
  const ctx = serviceContext(c);
  mayManage(ctx);
  const id = existing ? (c.req.param("id") ?? "") : null;
  if (id) await topicToManage(ctx, id);
  const form = await parseForm(c, topicInput);
  try {
    if (!form.ok) throw invalid(form.errors);
    if (id) await changeTopic(ctx, id, form.data);
    else await createTopic(ctx, form.data);
  } catch (error) {
    const f = formFailure(error);
    return showTopic(c, id, { values: form.values, errors: f.fields }, f.status);
  }
  return c.redirect("/contact/topics?notice=contactTopicSaved", 303);
};

type Part = "answer" | "note" | "move";

async function showEnquiry(c: Context<AppEnv>, part?: Part, form?: Form, status: Status = 200) {
  const page = await enquiryToHandle(serviceContext(c), c.req.param("id") ?? "");
  const t = c.get("t");
  return render(
    c,
    t("contact.enquiry.title", { name: page.enquiry.senderName, topic: page.topicName }),
    <EnquiryStaffPage page={page} {...(part && form ? { [part]: form } : {})} />,
    status,
  );
}

/** The public form, the "who to contact" page and the sender's own page; the staff's inbox; the administrator's topics and settings. */
export const contactRoutes = new Hono<AppEnv>()
  .get("/", (c) => {
    const { actor } = serviceContext(c);
    // A signed-in person need not type who they are; they may still change it.
    const me: Record<string, string> = isPerson(actor) ? { name: actor.name, email: actor.email } : {};
    return showForm(c, { topicId: c.req.query("topic") ?? "", ...me });
  })
  .post("/", async (c) => {
    const form = await parseForm(c, enquiryInput);
    try {
      if (!form.ok) throw invalid(form.errors);
      await sendEnquiry(serviceContext(c), form.data);
    } catch (error) {
      const f = formFailure(error);
      return showForm(c, form.values, f.fields, f.status);
    }
    return c.redirect("/contact/sent", 303);
  })
  .get("/sent", (c) => render(c, c.get("t")("contact.sent.title"), <SentPage />))
  .get("/who", async (c) => render(c, c.get("t")("contact.who.title"), <WhoPage topics={await publicTopics(serviceContext(c))} />))
  .get("/enquiries/follow/:token", async (c) => {
    const view = await followEnquiry(serviceContext(c), c.req.param("token"));
    c.header("Referrer-Policy", "no-referrer");
    noStore(c);
    return render(c, c.get("t")("contact.follow.title", { topic: view.topicName }), <FollowPage view={view} />);
  })
  .get("/topics", async (c) => {
    const { topics } = await topicsToManage(serviceContext(c));
    return render(c, c.get("t")("contact.topics.title"), <TopicsPage topics={topics} />);
  })
  .get("/topics/new", (c) => showTopic(c, null))
  .post("/topics/new", saveTopic(false))
  .get("/topics/:id", (c) => showTopic(c, c.req.param("id")))
  .post("/topics/:id", saveTopic(true))
  .get("/settings", async (c) => {
    const settings = await contactSettings(serviceContext(c));
    return render(c, c.get("t")("contact.settings.title"), <SettingsPage form={{ values: settingsValues(settings), errors: {} }} />);
  })
  .post("/settings", async (c) => {
    const ctx = serviceContext(c);
    mayManage(ctx);
    const form = await parseForm(c, settingsInput);
    try {
      if (!form.ok) throw invalid(form.errors);
      await saveSettings(ctx, form.data);
    } catch (error) {
      const f = formFailure(error);
      return render(c, c.get("t")("contact.settings.title"), <SettingsPage form={{ values: form.values, errors: f.fields }} />, f.status);
    }
    return c.redirect("/contact/settings?notice=contactSettingsSaved", 303);
  })
  .get("/enquiries", async (c) => {
    const ctx = serviceContext(c);
    const { status } = inboxQuery.parse({ status: c.req.query("status") });
    const items = await inboxOf(ctx, status);
    const mayManage_ = can(ctx.actor, canManageContact, { tenantId: ctx.tenant.id });
    return render(c, c.get("t")("contact.inbox.title"), <InboxPage items={items} filter={status} mayManage={mayManage_} />);
  })
  .get("/enquiries/:id", (c) => showEnquiry(c))
  .post("/enquiries/:id/answer", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    await enquiryToHandle(ctx, id);
    const form = await parseForm(c, answerInput);
    try {
      if (!form.ok) throw invalid(form.errors);
      await answerEnquiry(ctx, id, form.data.answer);
    } catch (error) {
      const f = formFailure(error);
      return showEnquiry(c, "answer", { values: form.values, errors: f.fields }, f.status);
    }
    return c.redirect(`/contact/enquiries/${id}?notice=contactAnswered`, 303);
  })
  .post("/enquiries/:id/note", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    await enquiryToHandle(ctx, id);
    const form = await parseForm(c, noteInput);
    if (!form.ok) return showEnquiry(c, "note", form, 422);
    await noteEnquiry(ctx, id, form.data.note);
    return c.redirect(`/contact/enquiries/${id}?notice=contactNoted`, 303);
  })
  .post("/enquiries/:id/move", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    await enquiryToHandle(ctx, id);
    const form = await parseForm(c, moveInput);
    try {
      if (!form.ok) throw invalid(form.errors);
      await moveEnquiry(ctx, id, form.data.topicId);
    } catch (error) {
      const f = formFailure(error);
      return showEnquiry(c, "move", { values: form.values, errors: f.fields }, f.status);
    }
    return c.redirect("/contact/enquiries?notice=contactMoved", 303);
  })
  .post("/enquiries/:id/close", async (c) => {
    const id = c.req.param("id");
    await closeEnquiry(serviceContext(c), id);
    return c.redirect(`/contact/enquiries/${id}?notice=contactClosed`, 303);
  });
