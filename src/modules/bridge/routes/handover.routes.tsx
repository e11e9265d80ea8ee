import { type Context, Hono } from "hono";
import { listOf } from "../../../db/lists.js";
import { can, isPerson } from "../../../platform/auth/policy.js";
import { isoNow } from "../../../platform/clock.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure } from "../../../platform/http/errors.js";
import { parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { type ServiceContext, serviceContext } from "../../../platform/service-context.js";
import type { ShareField } from "../bridge.model.js";
import { canAnswerReferral } from "../bridge.policy.js";
import { handoverFor, isLive, sendReferral, sharedDetails, withdrawReferral } from "../handover.js";
import { declineInput, HANDOVER_LISTS, handoverInput, meetingInput, metInput, pickInput, WELCOME_LISTS, welcomeInput } from "../handover.schema.js";
import { mayShare } from "../intake.js";
import * as referrals from "../referrals.js";
import { addPick, choosePick, suggestionsFor, welcomesSupport } from "../suggestions.js";
import { HandoverPage, SuggestionsPage } from "../views/handover-views.js";
import { ReferralPage, ReferralsPage } from "../views/referral-views.js";

type Status = 200 | 409 | 413 | 415 | 422 | 429;
const today = (ctx: ServiceContext) => isoNow(ctx.clock).slice(0, 10);

async function suggestionsPage(c: Context<AppEnv>, caseId: string, q: string, errors?: FieldErrors, status: Status = 200) {
  const ctx = serviceContext(c);
  const s = await suggestionsFor(ctx, caseId, q);
  const picked = new Set(s.picks.map((p) => `${p.kind}:${p.targetId}`));
  const page = (
    <SuggestionsPage
      caseId={s.case.id}
      firstName={s.case.firstName}
      suggestions={s.matches.map((match) => ({ match, picked: picked.has(`${match.doc.kind}:${match.doc.id}`), supportedWelcome: welcomesSupport(match) }))}
      picks={s.picks}
      toCheck={s.toCheck}
      found={
        s.found?.map((doc) => ({
          kind: doc.kind,
          id: doc.id,
          title: doc.title,
          subtitle: doc.subtitle,
          url: doc.url,
          picked: picked.has(`${doc.kind}:${doc.id}`),
          supportedWelcome: welcomesSupport({ doc }),
        })) ?? null
      }
      q={q}
      errors={errors}
    />
  );
  return render(c, c.get("t")("bridge.suggest.title", { name: s.case.firstName }), page, status);
}

async function handoverPage(
  c: Context<AppEnv>,
  caseId: string,
  options: { values?: { pickId: string; fields: ShareField[] }; preview?: boolean; errors?: FieldErrors; status?: Status } = {},
) {
  const ctx = serviceContext(c);
  const h = await handoverFor(ctx, caseId);
  const values = options.values ?? {
    pickId: h.chosen.length === 1 ? (h.chosen[0]?.id ?? "") : "",
    fields: h.shareable.includes("first_name") ? ["first_name"] : [],
  };
  const fields = values.fields.filter((f) => h.shareable.includes(f));
  const page = (
    <HandoverPage
      caseId={h.case.id}
      firstName={h.case.firstName}
      chosen={h.chosen.map((p) => ({ id: p.id, title: p.title, associationName: h.names.get(p.associationId ?? "") ?? "" }))}
      withoutAssociation={h.withoutAssociation.map((p) => p.title)}
      shareable={h.shareable}
      sharingAgreed={mayShare(h.case)}
      allSent={h.allSent}
      values={values}
      preview={options.preview ? sharedDetails(h.case, fields) : null}
      sent={h.referrals.map((referral) => ({
        referral,
        associationName: h.names.get(referral.associationId) ?? "",
        mayWithdraw: isLive(referral) && !referral.metAt,
        mayMarkMet: referral.status === "accepted" && !referral.metAt,
      }))}
      today={today(ctx)}
      errors={options.errors}
    />
  );
  return render(c, c.get("t")("bridge.handover.title", { name: h.case.firstName }), page, options.status ?? 200);
}

async function referralPage(c: Context<AppEnv>, id: string, options: { values?: Record<string, string>; errors?: FieldErrors; status?: Status } = {}) {
  const ctx = serviceContext(c);
  const o = await referrals.openReferral(ctx, id);
  const r = o.referral;
  const live = r.status === "accepted" && !r.metAt;
  const page = (
    <ReferralPage
      referral={r}
      associationName={o.associationName}
      what={o.pick?.title ?? null}
      mayAnswer={o.asAssociation && r.status === "sent"}
      mayPlan={o.asAssociation && live}
      mayMarkMet={live && r.firstMeetingAt !== null}
      back={
        o.asAssociation
          ? { href: "/bridge/referrals", label: "bridge.referrals.back" }
          : { href: `/bridge/cases/${r.caseId}/handover`, label: "bridge.backToHandover" }
      }
      today={today(ctx)}
      values={options.values}
      errors={options.errors}
    />
  );
  return render(c, c.get("t")("bridge.referral.title", { association: o.associationName }), page, options.status ?? 200);
}

/** A referral's form: parsed, done, and back to the page; a failure shows the page again with what was typed. */
async function answer<T>(
  c: Context<AppEnv>,
  parse: () => Promise<{ ok: true; data: T; values: Record<string, string> } | { ok: false; errors: FieldErrors; values: Record<string, string> }>,
  act: (ctx: ServiceContext, id: string, data: T) => Promise<unknown>,
  notice: string,
) {
  const id = c.req.param("rid") ?? "";
  const ctx = serviceContext(c);
  await referrals.openReferral(ctx, id);
  const form = await parse();
  if (!form.ok) return referralPage(c, id, { values: form.values, errors: form.errors, status: 422 });
  try {
    await act(ctx, id, form.data);
  } catch (error) {
    const f = formFailure(error);
    return referralPage(c, id, { values: form.values, errors: f.fields, status: f.status });
  }
  return c.redirect(`/bridge/referrals/${id}?notice=${notice}`, 303);
}

export const handoverRoutes = new Hono<AppEnv>()
  .get("/cases/:id/suggestions", (c) => suggestionsPage(c, c.req.param("id"), (c.req.query("q") ?? "").trim().slice(0, 200)))
  .post("/cases/:id/suggestions", async (c) => {
    const caseId = c.req.param("id");
    const ctx = serviceContext(c);
    const form = await parseForm(c, pickInput);
    if (!form.ok) {
      await suggestionsFor(ctx, caseId); // a case the person may not see is a 404 before anything is said of the form
      return suggestionsPage(c, caseId, "", form.errors, 422);
    }
    try {
      if (form.data.action === "add") await addPick(ctx, caseId, form.data);
      else await choosePick(ctx, caseId, form.data.pickId, form.data.action === "choose");
    } catch (error) {
      const f = formFailure(error);
      return suggestionsPage(c, caseId, "", f.fields, f.status);
    }
    return c.redirect(`/bridge/cases/${caseId}/suggestions?notice=${form.data.action === "add" ? "bridgePicked" : "bridgeChosen"}`, 303);
  })
  .get("/cases/:id/handover", (c) => handoverPage(c, c.req.param("id")))
  .post("/cases/:id/handover", async (c) => {
    const caseId = c.req.param("id");
    const ctx = serviceContext(c);
    const form = await parseForm(c, handoverInput, HANDOVER_LISTS);
    const typed = { pickId: form.values.pickId ?? "", fields: listOf(form.values.fields) as ShareField[] };
    if (!form.ok) {
      await handoverFor(ctx, caseId);
      return handoverPage(c, caseId, { values: typed, errors: form.errors, status: 422 });
    }
    const data = form.data;
    if (data.action === "preview") return handoverPage(c, caseId, { values: { pickId: data.pickId ?? "", fields: data.fields }, preview: true });
    try {
      if (data.action === "send") await sendReferral(ctx, caseId, data);
      else await withdrawReferral(ctx, caseId, data.referralId);
    } catch (error) {
      const f = formFailure(error);
      return handoverPage(c, caseId, { values: typed, errors: f.fields, status: f.status });
    }
    return c.redirect(`/bridge/cases/${caseId}/handover?notice=${data.action === "send" ? "bridgeReferralSent" : "bridgeReferralWithdrawn"}`, 303);
  })
  .get("/referrals", async (c) => {
    const rows = await referrals.myReferrals(serviceContext(c));
    const list = rows.map(({ referral: r, associationName }) => ({
      id: r.id,
      sentAt: r.sentAt,
      associationName,
      firstName: r.shared.firstName ?? null,
      status: r.status,
      met: r.metAt !== null,
    }));
    return render(c, c.get("t")("bridge.referrals.title"), <ReferralsPage rows={list} />);
  })
  .get("/referrals/:rid", (c) => referralPage(c, c.req.param("rid")))
  .post("/referrals/:rid/accept", (c) =>
    answer(
      c,
      async () => ({ ok: true as const, data: null, values: {} }),
      (ctx, id) => referrals.accept(ctx, id),
      "bridgeAccepted",
    ),
  )
  .post("/referrals/:rid/decline", (c) =>
    answer(
      c,
      () => parseForm(c, declineInput),
      (ctx, id, d) => referrals.decline(ctx, id, d.reason),
      "bridgeDeclined",
    ),
  )
  .post("/referrals/:rid/meeting", (c) => answer(c, () => parseForm(c, meetingInput), referrals.proposeMeeting, "bridgeMeeting"))
  .post("/referrals/:rid/welcome", (c) =>
    answer(
      c,
      () => parseForm(c, welcomeInput, WELCOME_LISTS),
      (ctx, id, d) => referrals.tickWelcome(ctx, id, d.done),
      "bridgeWelcome",
    ),
  )
  .post("/referrals/:rid/met", async (c) => {
    const id = c.req.param("rid");
    const ctx = serviceContext(c);
    const opened = await referrals.openReferral(ctx, id);
    // The bridge-builder marks it from the case's handover page, the association from the referral's own page.
    const fromCase = !(isPerson(ctx.actor) && can(ctx.actor, canAnswerReferral, { tenantId: ctx.tenant.id, associationId: opened.referral.associationId }));
    const again = (values: Record<string, string>, errors: FieldErrors, status: Status) =>
      fromCase ? handoverPage(c, opened.referral.caseId, { errors, status }) : referralPage(c, id, { values, errors, status });
    const form = await parseForm(c, metInput);
    if (!form.ok) return again(form.values, form.errors, 422);
    try {
      await referrals.markMet(ctx, id, form.data.metOn);
    } catch (error) {
      const f = formFailure(error);
      return again(form.values, f.fields, f.status);
    }
    return c.redirect(fromCase ? `/bridge/cases/${opened.referral.caseId}/handover?notice=bridgeMet` : `/bridge/referrals/${id}?notice=bridgeMet`, 303);
  });
