import type { Context } from "hono";
import { Hono } from "hono";
import { can, isPerson } from "../../../platform/auth/policy.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure, notFound, unauthenticated } from "../../../platform/http/errors.js";
import { readForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import { countryProfile } from "../../../platform/tenants/countries.js";
import { closeRound, closeSummary, mayClose, roundForCaseworker } from "../close-round.js";
import { readDecisionRows } from "../committee.schema.js";
import { saveDecisions, sitting } from "../decide.js";
import { canDecide, canHandleGrants } from "../grants.policy.js";
import { letterPdf, openLetter, sendLetters } from "../send-letters.js";
import { CloseRoundPage, CommitteePage } from "../views/committee-views.js";

async function showSitting(
  c: Context<AppEnv>,
  roundId: string,
  extra: { form?: { values: Record<string, string>; errors: FieldErrors }; lettersError?: FieldErrors } = {},
  status: 200 | 409 | 422 = 200,
) {
  const ctx = serviceContext(c);
  const s = await sitting(ctx, roundId);
  const caseworker = can(ctx.actor, canHandleGrants, { tenantId: ctx.tenant.id });
  const page = (
    <CommitteePage
      sitting={s}
      currency={countryProfile(ctx.tenant.country).currency}
      mayDecide={can(ctx.actor, canDecide, s.round)}
      mayClose={caseworker && s.round.status === "open"}
      closeAllowed={mayClose(s.round, ctx.clock.now())}
      maySend={caseworker && s.round.status === "deciding"}
      {...extra}
    />
  );
  return render(c, c.get("t")("grants.committee.title", { round: s.round.title }), page, status);
}

async function showClose(c: Context<AppEnv>, roundId: string, error?: FieldErrors, status: 200 | 409 = 200) {
  const ctx = serviceContext(c);
  const { round } = await roundForCaseworker(ctx, roundId);
  if (round.status !== "open") return c.redirect(`/grants/rounds/${round.id}/committee`, 303);
  const counts = await closeSummary(ctx, round);
  const page = <CloseRoundPage roundId={round.id} roundTitle={round.title} {...counts} error={error} />;
  return render(c, c.get("t")("grants.close.title", { round: round.title }), page, status);
}

/** The deciding body's sitting: closing a round for decision, the decisions, and the letters that tell the associations. */
export const committeeRoutes = new Hono<AppEnv>()
  .get("/rounds/:id/close", (c) => showClose(c, c.req.param("id")))
  .post("/rounds/:id/close", async (c) => {
    const id = c.req.param("id");
    try {
      await closeRound(serviceContext(c), id);
    } catch (error) {
      const f = formFailure(error);
      return showClose(c, id, f.fields, 409);
    }
    return c.redirect(`/grants/rounds/${id}/committee?notice=grantsRoundClosed`, 303);
  })
  .get("/rounds/:id/committee", (c) => showSitting(c, c.req.param("id")))
  .post("/rounds/:id/committee", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    const { items } = await sitting(ctx, id);
    const values = await readForm(c);
    const { rows, errors } = readDecisionRows(
      values,
      items.map((i) => i.application.id),
    );
    try {
      await saveDecisions(ctx, id, rows, errors);
    } catch (error) {
      const f = formFailure(error);
      return showSitting(c, id, { form: { values, errors: f.fields } }, f.status === 409 ? 409 : 422);
    }
    return c.redirect(`/grants/rounds/${id}/committee?notice=grantsDecisionsSaved`, 303);
  })
  .post("/rounds/:id/letters", async (c) => {
    const id = c.req.param("id");
    try {
      await sendLetters(serviceContext(c), id);
    } catch (error) {
      const f = formFailure(error);
      return showSitting(c, id, { lettersError: f.fields }, 409);
    }
    return c.redirect(`/grants/rounds/${id}/committee?notice=grantsLettersSent`, 303);
  })
  .get("/letters/:file", async (c) => {
    const ctx = serviceContext(c);
    if (!isPerson(ctx.actor)) throw unauthenticated();
    const file = c.req.param("file");
    if (!file.endsWith(".pdf")) throw notFound();
    const { letter, application } = await openLetter(ctx, file.slice(0, -4));
    const bytes = await letterPdf(ctx.tenant, letter, application);
    return c.body(new Uint8Array(bytes), 200, {
      "content-type": "application/pdf",
      "content-disposition": `inline; filename="${application.reference}.pdf"`,
      "cache-control": "private, no-store",
    });
  });
