import { audit } from "../../platform/audit/audit.js";
import { authorize, can, isPerson, type Person } from "../../platform/auth/policy.js";
import { userNames } from "../../platform/auth/users.repository.js";
import { isoNow } from "../../platform/clock.js";
import { invalidField, notFound, unauthenticated } from "../../platform/http/errors.js";
import { newId } from "../../platform/ids.js";
import { inTransaction, type ServiceContext, tenantToday } from "../../platform/service-context.js";
import { countryProfile } from "../../platform/tenants/countries.js";
import { associationNames } from "../associations/index.js";
import { findJob, jobsByIds, listForAssociation } from "../opportunities/index.js";
import { type Certificate, defaultLapse, plusMonths, type Stage, stageOf } from "./certificates.model.js";
import { canKeepCertificates, canKeepSomeCertificates, canSetCertificateRenewal } from "./certificates.policy.js";
import * as repo from "./certificates.repository.js";
import type { AssessmentInput, ConsentInput, RequestInput } from "./certificates.schema.js";

/** The months between an assessment and its renewal in this tenant: its own setting, else the country's default. */
export async function renewalMonths(ctx: Pick<ServiceContext, "db" | "tenant">): Promise<number> {
  return (await repo.renewalMonths(ctx.db, ctx.tenant.id)) ?? countryProfile(ctx.tenant.country).certificateRenewalMonths;
}

/** The associations the person is on the board of, by name; anyone else is told there is nothing here (or to sign in). */
async function boards(ctx: ServiceContext) {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  if (!can(ctx.actor, canKeepSomeCertificates, { tenantId: ctx.tenant.id })) throw notFound();
  const ids = [...ctx.actor.memberships].filter(([, role]) => role === "admin").map(([id]) => id);
  const names = await associationNames(ctx, ids);
  return [...names].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, "da"));
}

/** One association the person keeps certificates for, resolved in the tenant; a form's field names the one it came from. */
async function board(ctx: ServiceContext, associationId: string | undefined, field?: string) {
  const mine = await boards(ctx);
  const found = associationId === undefined ? mine[0] : mine.find((a) => a.id === associationId);
  if (!found || !can(ctx.actor, canKeepCertificates, { tenantId: ctx.tenant.id, associationId: found.id })) {
    throw field ? invalidField(field, "certificates.association.unknown") : notFound();
  }
  return { association: found, boards: mine, actor: ctx.actor as Person };
}

export interface CertificateRow extends Certificate {
  stage: Stage;
  jobTitle: string | null;
}

/** One association's list, with each volunteer's stage today; the person must be on its board. */
export async function certificateList(ctx: ServiceContext, associationId: string | undefined) {
  const { association, boards: mine } = await board(ctx, associationId);
  const list = await repo.listForAssociation(ctx.db, ctx.tenant.id, association.id);
  const jobs = await jobsByIds(
    ctx.db,
    ctx.tenant.id,
    list.flatMap((c) => (c.opportunityId ? [c.opportunityId] : [])),
  );
  const today = tenantToday(ctx);
  const rows: CertificateRow[] = list.map((c) => ({
    ...c,
    stage: stageOf(c, today),
    jobTitle: c.opportunityId ? (jobs.get(c.opportunityId)?.title ?? null) : null,
  }));
  return { association, boards: mine, rows, renewalMonths: await renewalMonths(ctx) };
}

/** What the form for a new request offers: the person's associations and the chosen one's jobs. */
export async function requestChoices(ctx: ServiceContext, associationId: string | undefined) {
  const mine = await boards(ctx);
  const chosen = mine.find((a) => a.id === associationId) ?? mine[0];
  if (!chosen) throw notFound();
  const jobs = await listForAssociation(ctx, chosen.id);
  return {
    boards: mine,
    associationId: chosen.id,
    jobs: jobs.map((j) => ({ id: j.id, title: j.title, needsCertificate: j.needsCertificate })),
    today: tenantToday(ctx),
  };
}

function notAfterToday(ctx: ServiceContext, field: string, day: string) {
  if (day > tenantToday(ctx)) throw invalidField(field, "certificates.date.future");
}

/** Records that the association has asked for a volunteer's certificate. */
export async function recordRequest(ctx: ServiceContext, input: RequestInput): Promise<Certificate> {
  const { association, actor } = await board(ctx, input.association, "association");
  notAfterToday(ctx, "requestedOn", input.requestedOn);
  let opportunityId: string | null = null;
  if (input.opportunity) {
    const job = await findJob(ctx, input.opportunity);
    if (!job || job.associationId !== association.id) throw invalidField("opportunity", "certificates.opportunity.unknown");
    opportunityId = job.id;
  }
  const at = isoNow(ctx.clock);
  const c: Certificate = {
    id: newId(),
    tenantId: ctx.tenant.id,
    associationId: association.id,
    opportunityId,
    name: input.name,
    email: input.email,
    requestedOn: input.requestedOn,
    requestedBy: actor.userId,
    consentedOn: null,
    consentLapsesOn: null,
    consentRecordedBy: null,
    outcome: null,
    assessedOn: null,
    assessedBy: null,
    renewOn: null,
    leftOn: null,
    note: input.note,
    renewalRemindedAt: null,
    lapseRemindedAt: null,
    createdAt: at,
    updatedAt: at,
  };
  await inTransaction(ctx, async (tx) => {
    await repo.insert(tx.db, c);
    await audit(tx, "certificates.requested", { type: "child_certificate", id: c.id });
  });
  return c;
}

/** A certificate the person keeps as its association's board member; anyone else gets "not found". */
async function kept(ctx: ServiceContext, id: string): Promise<{ c: Certificate; actor: Person }> {
  if (!isPerson(ctx.actor)) throw unauthenticated();
  const c = await repo.findById(ctx.db, ctx.tenant.id, id);
  if (!c || !can(ctx.actor, canKeepCertificates, { tenantId: c.tenantId, associationId: c.associationId })) throw notFound();
  return { c, actor: ctx.actor };
}

/** One volunteer's record, with the names of those who recorded each step. */
export async function certificatePage(ctx: ServiceContext, id: string) {
  const { c } = await kept(ctx, id);
  const [names, job, associations] = await Promise.all([
    userNames(ctx.db, ctx.tenant.id, [c.requestedBy, c.consentRecordedBy, c.assessedBy]),
    c.opportunityId ? findJob(ctx, c.opportunityId) : undefined,
    associationNames(ctx, [c.associationId]),
  ]);
  const today = tenantToday(ctx);
  return {
    certificate: { ...c, stage: stageOf(c, today), jobTitle: job?.title ?? null },
    associationName: associations.get(c.associationId) ?? "",
    names,
    today,
    defaultLapse: defaultLapse(today),
  };
}

/** The volunteer's consent and the day it lapses. */
export async function recordConsent(ctx: ServiceContext, id: string, input: ConsentInput) {
  const { c, actor } = await kept(ctx, id);
  notAfterToday(ctx, "consentedOn", input.consentedOn);
  if (input.consentedOn < c.requestedOn) throw invalidField("consentedOn", "certificates.consent.beforeRequest");
  const lapsesOn = input.lapsesOn ?? defaultLapse(input.consentedOn);
  if (lapsesOn < input.consentedOn) throw invalidField("lapsesOn", "certificates.consent.lapseBefore");
  await inTransaction(ctx, async (tx) => {
    await repo.update(
      tx.db,
      tx.tenant.id,
      c.id,
      { consented_on: input.consentedOn, consent_lapses_on: lapsesOn, consent_recorded_by: actor.userId, lapse_reminded_at: null },
      isoNow(tx.clock),
    );
    await audit(tx, "certificates.consented", { type: "child_certificate", id: c.id });
  });
}

/** The assessment: one of two outcomes; the renewal falls the tenant's period later. */
export async function recordAssessment(ctx: ServiceContext, id: string, input: AssessmentInput) {
  const { c, actor } = await kept(ctx, id);
  notAfterToday(ctx, "assessedOn", input.assessedOn);
  if (input.assessedOn < c.requestedOn) throw invalidField("assessedOn", "certificates.assessment.beforeRequest");
  const renewOn = plusMonths(input.assessedOn, await renewalMonths(ctx));
  await inTransaction(ctx, async (tx) => {
    await repo.update(
      tx.db,
      tx.tenant.id,
      c.id,
      { outcome: input.outcome, assessed_on: input.assessedOn, assessed_by: actor.userId, renew_on: renewOn, renewal_reminded_at: null },
      isoNow(tx.clock),
    );
    await audit(tx, "certificates.assessed", { type: "child_certificate", id: c.id }, { outcome: input.outcome });
  });
}

/** Asked again (renewal, a new role, or a lapsed consent): the record starts over from "requested" today. */
export async function requestAgain(ctx: ServiceContext, id: string) {
  const { c, actor } = await kept(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await repo.update(
      tx.db,
      tx.tenant.id,
      c.id,
      {
        requested_on: tenantToday(tx),
        requested_by: actor.userId,
        consented_on: null,
        consent_lapses_on: null,
        consent_recorded_by: null,
        outcome: null,
        assessed_on: null,
        assessed_by: null,
        renew_on: null,
        renewal_reminded_at: null,
        lapse_reminded_at: null,
      },
      isoNow(tx.clock),
    );
    await audit(tx, "certificates.requested_again", { type: "child_certificate", id: c.id });
  });
}

/** The volunteer stopped: no more reminders, and the record is deleted some months later. */
export async function recordLeft(ctx: ServiceContext, id: string) {
  const { c } = await kept(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await repo.update(tx.db, tx.tenant.id, c.id, { left_on: tenantToday(tx) }, isoNow(tx.clock));
    await audit(tx, "certificates.left", { type: "child_certificate", id: c.id });
  });
}

/** Deletes the record now. */
export async function deleteCertificate(ctx: ServiceContext, id: string): Promise<string> {
  const { c } = await kept(ctx, id);
  await inTransaction(ctx, async (tx) => {
    await repo.remove(tx.db, tx.tenant.id, c.id);
    await audit(tx, "certificates.deleted", { type: "child_certificate", id: c.id });
  });
  return c.associationId;
}

export async function renewalSetting(ctx: ServiceContext) {
  authorize(ctx.actor, canSetCertificateRenewal, { tenantId: ctx.tenant.id });
  return { months: await renewalMonths(ctx), countryDefault: countryProfile(ctx.tenant.country).certificateRenewalMonths };
}

export async function saveRenewalSetting(ctx: ServiceContext, months: number) {
  authorize(ctx.actor, canSetCertificateRenewal, { tenantId: ctx.tenant.id });
  await inTransaction(ctx, async (tx) => {
    await repo.putRenewalMonths(tx.db, tx.tenant.id, months, isoNow(tx.clock));
    await audit(tx, "certificates.settings_saved", { type: "tenant", id: tx.tenant.id }, { months });
  });
}

/**
 * For the applicant pipeline: each applicant's stage by e-mail, for a job of an association whose board the
 * person is on. Nobody else gets anything (the map is empty).
 */
export async function certificateStages(
  ctx: ServiceContext,
  associationId: string,
  emails: readonly string[],
): Promise<Map<string, { id: string; stage: Stage }>> {
  const stages = new Map<string, { id: string; stage: Stage }>();
  if (!can(ctx.actor, canKeepCertificates, { tenantId: ctx.tenant.id, associationId })) return stages;
  const today = tenantToday(ctx);
  for (const c of await repo.forEmails(
    ctx.db,
    ctx.tenant.id,
    associationId,
    emails.map((e) => e.toLowerCase()),
  ))
    if (!stages.has(c.email)) stages.set(c.email, { id: c.id, stage: stageOf(c, today) });
  return stages;
}
