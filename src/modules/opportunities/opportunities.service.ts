import type { Database } from "../../db/database.js";
import { logAccess } from "../../platform/audit/access.js";
import { auditEntry } from "../../platform/audit/audit.js";
import { consumeToken, issueToken } from "../../platform/auth/email-tokens.js";
import { authorize, isPerson } from "../../platform/auth/policy.js";
import { withinLimit } from "../../platform/auth/rate-limit.js";
import { isoNow } from "../../platform/clock.js";
import { dataKeyring } from "../../platform/crypto/data-key.js";
import type { SealedField } from "../../platform/crypto/reseal.js";
import { AppError, notFound } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { sendMail } from "../../platform/mail/send.js";
import type { PersonalDataSource } from "../../platform/privacy/data-subject.js";
import { readsOf } from "../../platform/privacy/platform-data.js";
import { hideDocument, putDocument } from "../../platform/search/documents.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { actFor } from "../associations/index.js";
import { terms } from "../taxonomy/index.js";
import { reviewPosting } from "./checklist.js";
import { figures, lastTwelveMonths } from "./figures.js";
import { canManageOpportunities, canModerate } from "./opportunities.policy.js";
import * as repo from "./opportunities.repository.js";
import type { OpportunityInput } from "./opportunities.schema.js";
import { opportunityDocument } from "./opportunities.search.js";
import type { ApplicationsTable } from "./opportunities.table.js";

export type Opportunity = repo.OpportunityRow;

const today = (ctx: ServiceContext) => isoNow(ctx.clock).slice(0, 10);

/** Keeps the job's entry in search in step with it: findable only while published. Call inside the changing transaction. */
async function syncSearch(db: Database, ctx: ServiceContext, id: string) {
  const o = await repo.findById(db, ctx.tenant.id, id);
  if (o?.status !== "published") return hideDocument(db, ctx.clock, ctx.tenant.id, "opportunity", id);
  const category = (await terms(db, ctx.tenant.id, "category", ctx.tenant.defaultLanguage)).find((c) => c.id === o.category_id);
  await putDocument(db, ctx.clock, ctx.tenant.id, ctx.tenant.country, opportunityDocument(o, category));
}

/** Published jobs as open data, feeds and embeds show them. */
export async function publicRecords(ctx: ServiceContext, filter: repo.PublicRecordFilter, order: "id" | "newest" = "id") {
  return repo.listPublicRecords(ctx.db, ctx.tenant.id, today(ctx), filter, order);
}
export type PublicJob = Awaited<ReturnType<typeof publicRecords>>["rows"][number];

export async function listPublished(ctx: ServiceContext, page: number) {
  return repo.listPublished(ctx.db, ctx.tenant.id, today(ctx), page);
}

/** A job anyone may see: published and not expired; its own association and staff see it in any state. */
export async function getVisible(ctx: ServiceContext, id: string): Promise<Opportunity> {
  const o = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (!o) throw notFound();
  const isPublic = o.status === "published" && o.expires_on >= today(ctx);
  if (!isPublic && !(isPerson(ctx.actor) && canManageOpportunities(ctx.actor, { tenantId: o.tenant_id, associationId: o.association_id }))) throw notFound();
  return o;
}

export async function getForEdit(ctx: ServiceContext, id: string): Promise<Opportunity> {
  const o = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (!o) throw notFound();
  authorize(ctx.actor, canManageOpportunities, { tenantId: o.tenant_id, associationId: o.association_id });
  return o;
}

/** The association a posting is for, named by the path or by the form's field, that this person may post for. */
export const postingFor = (ctx: ServiceContext, associationId: string, field?: string) => actFor(ctx, canManageOpportunities, associationId, field);

export async function listForAssociation(ctx: ServiceContext, associationId: string) {
  await postingFor(ctx, associationId);
  return repo.listForAssociation(ctx.db, ctx.tenant.id, associationId);
}

/** What the form says, as the posting's columns. */
const postingColumns = (p: OpportunityInput) => ({
  category_id: p.categoryId,
  title: p.title,
  tasks: p.tasks,
  benefits: p.benefits,
  commitment: p.commitment,
  hours_per_week: p.commitment === "weekly" ? p.hoursPerWeek : null,
  one_off_date: p.commitment === "one_off" ? p.oneOffDate : null,
  place: p.place || null,
  postcode: p.postcode || null,
  remote: p.remote ? 1 : 0,
  start_date: p.startDate,
  needs_certificate: p.needsCertificate ? 1 : 0,
  min_age: p.minAge,
  languages: p.languages.join(","),
  suits: p.suits.join(","),
  time_slots: p.slots.join(","),
  setting: p.setting,
  step_free: p.stepFree ? 1 : 0,
  renewal_reminded_at: null,
  contact_name: p.contactName,
  contact_email: p.contactEmail,
  expires_on: p.expiresOn as string,
});

async function checkPosting(ctx: ServiceContext, posting: OpportunityInput) {
  const categories = await terms(ctx.db, ctx.tenant.id, "category", ctx.lang);
  const category = categories.find((c) => c.id === posting.categoryId);
  if (!category) throw new AppError(422, "validation_failed", "opportunity.category.required", { categoryId: "opportunity.category.required" });
  if ((posting.expiresOn as string) <= today(ctx))
    throw new AppError(422, "validation_failed", "opportunity.expiresOn.past", { expiresOn: "opportunity.expiresOn.past" });
  return category;
}

/** The posting as volunteers will see it, and what the checklist says, without saving anything. */
export async function preview(ctx: ServiceContext, input: { associationId: string; id: string | null; posting: OpportunityInput }) {
  const { association } = await postingFor(ctx, input.associationId, "associationId");
  const category = await checkPosting(ctx, input.posting);
  const now = isoNow(ctx.clock);
  const o: Opportunity = {
    ...postingColumns(input.posting),
    id: input.id ?? "",
    tenant_id: ctx.tenant.id,
    association_id: input.associationId,
    association_name: association.name,
    status: "draft",
    review_note: null,
    created_at: now,
    updated_at: now,
    published_at: null,
  };
  return { o, category: category.label, review: reviewPosting(input.posting) };
}

export type SaveResult = { ok: true; id: string; status: Opportunity["status"] } | { ok: false; review: ReturnType<typeof reviewPosting> };

/**
 * Saves a draft, or sends it on: for approval by staff (pre-moderation) or straight to the public
 * (post-moderation). A posting the checklist finds not ready is not sent, and nothing is written.
 */
export async function save(
  ctx: ServiceContext,
  input: { associationId: string; id: string | null; posting: OpportunityInput; submit: boolean },
): Promise<SaveResult> {
  const { actor } = await postingFor(ctx, input.associationId, "associationId");
  await checkPosting(ctx, input.posting);
  const review = reviewPosting(input.posting);
  if (input.submit && !review.ready) return { ok: false, review };

  const now = isoNow(ctx.clock);
  const status: Opportunity["status"] = input.submit ? (ctx.tenant.moderation === "post" ? "published" : "pending") : "draft";
  const values = {
    ...postingColumns(input.posting),
    status,
    review_note: null,
    updated_at: now,
    published_at: status === "published" ? now : null,
  };
  const id = input.id ?? newId();
  await ctx.db.transaction().execute(async (trx) => {
    if (input.id) {
      const existing = await repo.findById(trx, ctx.tenant.id, input.id);
      if (!existing || existing.association_id !== input.associationId) throw notFound();
      await trx.updateTable("opportunities").set(values).where("tenant_id", "=", ctx.tenant.id).where("id", "=", input.id).execute();
    } else {
      await trx
        .insertInto("opportunities")
        .values({ ...values, id, tenant_id: ctx.tenant.id, association_id: input.associationId, created_at: now })
        .execute();
    }
    await syncSearch(trx, ctx, id);
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: `opportunity.${status === "draft" ? "saved" : "submitted"}`,
      entityType: "opportunity",
      entityId: id,
      ip: ctx.ip,
    });
  });
  return { ok: true, id, status };
}

/** The last twelve months by month and by category, for the centre's reporting. */
export async function figuresReport(ctx: ServiceContext) {
  authorize(ctx.actor, canModerate, { tenantId: ctx.tenant.id });
  const months = lastTwelveMonths(today(ctx));
  const data = await repo.figureData(ctx.db, ctx.tenant.id, `${months[0]}-01`);
  const categories = await terms(ctx.db, ctx.tenant.id, "category", ctx.lang);
  const byMonth = figures(data, months, { job: (j) => j.published_at.slice(0, 7), application: (a) => a.confirmed_at.slice(0, 7) });
  const byCategory = figures(
    data,
    categories.map((c) => c.code),
    { job: (j) => j.category, application: (a) => a.category },
  ).map((row) => ({ ...row, key: categories.find((c) => c.code === row.key)?.label ?? row.key }));
  return { byMonth, byCategory };
}

/** Applicants nobody has answered in time, for the centre to step in; who was shown is in the access log. */
export async function waitingApplicants(ctx: ServiceContext, via: "page" | "csv") {
  authorize(ctx.actor, canModerate, { tenantId: ctx.tenant.id });
  const rows = await repo.escalatedApplications(ctx.db, ctx.tenant.id);
  await logAccess(
    ctx,
    via === "page" ? "waiting.listed" : "waiting.exported",
    "application",
    rows.map((r) => r.id),
  );
  return rows;
}

export async function moderationQueue(ctx: ServiceContext) {
  authorize(ctx.actor, canModerate, { tenantId: ctx.tenant.id });
  return repo.listByStatus(ctx.db, ctx.tenant.id, "pending");
}

/** Staff approve a posting (it goes public) or send it back with a note; the contact person hears either way. */
export async function decide(ctx: ServiceContext, id: string, decision: "approve" | "reject", note: string) {
  authorize(ctx.actor, canModerate, { tenantId: ctx.tenant.id });
  const actor = ctx.actor;
  const o = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (o?.status !== "pending") throw notFound();
  if (decision === "reject" && !note) throw new AppError(422, "validation_failed", "moderation.note.required", { note: "moderation.note.required" });
  const now = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("opportunities")
      .set(
        decision === "approve"
          ? { status: "published", published_at: now, review_note: null, updated_at: now }
          : { status: "rejected", review_note: note, updated_at: now },
      )
      .where("tenant_id", "=", ctx.tenant.id)
      .where("id", "=", id)
      .execute();
    await syncSearch(trx, ctx, id);
    await sendMail(trx, ctx.clock, {
      tenant: ctx.tenant,
      to: o.contact_email,
      compose: (t) => ({
        subject: t(decision === "approve" ? "mail.posting.approved.subject" : "mail.posting.rejected.subject", { title: o.title }),
        paragraphs: [t(decision === "approve" ? "mail.posting.approved.body" : "mail.posting.rejected.body", { title: o.title }), ...(note ? [note] : [])],
        action: { label: t("mail.posting.action"), url: `${ctx.baseUrl}/opportunities/${o.id}` },
      }),
    });
    await auditEntry(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      actorId: actor.userId,
      action: `opportunity.${decision === "approve" ? "approved" : "rejected"}`,
      entityType: "opportunity",
      entityId: id,
      ip: ctx.ip,
    });
  });
}

async function notifyAssociation(db: Database, ctx: ServiceContext, o: Opportunity) {
  await sendMail(db, ctx.clock, {
    tenant: ctx.tenant,
    to: o.contact_email,
    compose: (t) => ({
      subject: t("mail.application.new.subject", { title: o.title }),
      paragraphs: [t("mail.application.new.body", { title: o.title })],
      action: { label: t("mail.application.new.action"), url: `${ctx.baseUrl}/opportunities/${o.id}/applications` },
    }),
  });
}

/**
 * A citizen applies. Signed in with the same e-mail, the application goes to the association at once;
 * otherwise the citizen first confirms the e-mail address by a link.
 */
export async function apply(ctx: ServiceContext, opportunityId: string, input: { name: string; email: string; phone: string | null; message: string }) {
  const o = await getVisible(ctx, opportunityId);
  if (o.status !== "published") throw notFound();
  const known = isPerson(ctx.actor) && ctx.actor.email === input.email;
  // Each unconfirmed application mails its address, so neither one sender nor one inbox may have many.
  if (!known && !(await withinLimit(ctx, "apply", [ctx.ip, input.email])))
    throw new AppError(429, "rate_limited", "application.rateLimited", { email: "application.rateLimited" });
  const now = isoNow(ctx.clock);
  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertApplication(trx, dataKeyring(ctx.config), {
      id,
      tenant_id: ctx.tenant.id,
      opportunity_id: o.id,
      user_id: isPerson(ctx.actor) ? ctx.actor.userId : null,
      name: input.name,
      email: input.email,
      phone: input.phone,
      message: input.message,
      status: known ? "new" : "unconfirmed",
      created_at: now,
      confirmed_at: known ? now : null,
      first_answer_at: null,
      updated_at: now,
    });
    if (known) {
      await notifyAssociation(trx, ctx, o);
      return;
    }
    const token = await issueToken(trx, ctx.clock, {
      tenantId: ctx.tenant.id,
      purpose: "application",
      email: input.email,
      userId: null,
      data: { applicationId: id },
    });
    await sendMail(trx, ctx.clock, {
      tenant: ctx.tenant,
      to: input.email,
      usedLanguage: ctx.lang,
      compose: (t) => ({
        subject: t("mail.application.confirm.subject", { title: o.title }),
        paragraphs: [t("mail.application.confirm.body", { title: o.title, association: o.association_name }), t("mail.notYou")],
        action: { label: t("mail.application.confirm.action"), url: `${ctx.baseUrl}/applications/confirm?token=${encodeURIComponent(token)}` },
      }),
    });
  });
  return { confirmed: known };
}

export async function confirmApplication(ctx: ServiceContext, token: string): Promise<Opportunity | null> {
  const used = await consumeToken(ctx.db, ctx.clock, ctx.tenant.id, "application", token);
  if (!used?.data.applicationId) return null;
  const application = await ctx.db
    .selectFrom("applications")
    .select(["id", "opportunity_id"])
    .where("tenant_id", "=", ctx.tenant.id)
    .where("id", "=", used.data.applicationId)
    .executeTakeFirst();
  if (!application) return null;
  const o = await repo.findById(ctx.db, ctx.tenant.id, application.opportunity_id);
  if (!o) return null;
  const now = isoNow(ctx.clock);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .updateTable("applications")
      .set({ status: "new", confirmed_at: now, updated_at: now })
      .where("id", "=", application.id)
      .where("status", "=", "unconfirmed")
      .execute();
    await notifyAssociation(trx, ctx, o);
  });
  return o;
}

/** A posting's applicants, on the page or as CSV; who was shown is in the access log. */
export async function applications(ctx: ServiceContext, opportunityId: string, via: "page" | "csv") {
  const o = await getForEdit(ctx, opportunityId);
  const rows = await repo.applicationsFor(ctx.db, dataKeyring(ctx.config), ctx.tenant.id, o.id);
  await logAccess(
    ctx,
    via === "page" ? "applicants.listed" : "applicants.exported",
    "application",
    rows.map((r) => r.id),
  );
  return { opportunity: o, applications: rows };
}

/** Moves an applicant along the pipeline; the first move out of "new" is the association's first answer. */
export async function moveApplication(
  ctx: ServiceContext,
  opportunityId: string,
  applicationId: string,
  status: Exclude<ApplicationsTable["status"], "unconfirmed">,
) {
  const o = await getForEdit(ctx, opportunityId);
  const actor = ctx.actor;
  if (!isPerson(actor)) throw notFound();
  const now = isoNow(ctx.clock);
  const result = await ctx.db
    .updateTable("applications")
    .set((eb) => ({ status, updated_at: now, first_answer_at: status === "new" ? eb.ref("first_answer_at") : eb.fn.coalesce("first_answer_at", eb.val(now)) }))
    .where("tenant_id", "=", ctx.tenant.id)
    .where("opportunity_id", "=", o.id)
    .where("id", "=", applicationId)
    .where("status", "!=", "unconfirmed")
    .executeTakeFirst();
  if (result.numUpdatedRows === 0n) throw notFound();
  await auditEntry(ctx.db, ctx.clock, {
    tenantId: ctx.tenant.id,
    actorId: actor.userId,
    action: "application.moved",
    entityType: "application",
    entityId: applicationId,
    ip: ctx.ip,
    details: { status },
  });
}

export async function myApplications(ctx: ServiceContext) {
  if (!isPerson(ctx.actor)) throw new AppError(401, "unauthenticated", "error.signInRequired");
  return repo.applicationsOf(ctx.db, ctx.tenant.id, ctx.actor.userId);
}

export const sealedFields: SealedField[] = [
  { table: "applications", column: "message", key: ["id"] },
  { table: "application_messages", column: "body", key: ["id"] },
];

export const personalData: PersonalDataSource = {
  columns: ["applications.user_id", "applications.email", "applications.name", "applications.phone", "application_messages.author_id"],
  async read(db, ring, subject) {
    const applications = await repo.applicationsWithThreads(db, ring, subject.tenantId, subject);
    const reads = await readsOf(
      db,
      subject.tenantId,
      "application",
      applications.map((a) => a.id),
    );
    return {
      applications: applications.map((a) => ({
        volunteer_job: a.volunteer_job,
        name: a.name,
        email: a.email,
        phone: a.phone,
        message: a.message,
        status: a.status,
        created_at: a.created_at,
        conversation: a.messages.map((m) => ({ from: m.sender, text: m.body, at: m.created_at })),
        read_by_others: reads.filter((r) => r.subject_id === a.id).map(({ action, at }) => ({ action, at })),
      })),
      volunteer_jobs_naming_you_as_contact: subject.email ? await repo.postingsWithContact(db, subject.tenantId, subject.email) : [],
    };
  },
  async erase(trx, subject) {
    await repo.forgetApplicant(trx, subject.tenantId, subject);
  },
};
