import { type Context, Hono } from "hono";
import { listOf } from "../../../db/lists.js";
import { isPerson } from "../../../platform/auth/policy.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure, notFound } from "../../../platform/http/errors.js";
import { parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import type { BridgeCase } from "../bridge.model.js";
import { caseList, casePage, consentByName } from "../case-pages.js";
import { openCase } from "../cases.js";
import { consentInput, INTAKE_LISTS, intakeInput, noteInput, REFER_LISTS, referInput, shareInput } from "../cases.schema.js";
import { recordConsent } from "../consent.js";
import { intakeCategories, mayShare, saveIntake } from "../intake.js";
import { addNote } from "../notes.js";
import { refer, sourcesFor } from "../refer.js";
import { shareCase, takeCase } from "../take-share.js";
import { CaseListPage, CasePage, ConsentPage, ConsentPrintPage, IntakePage, WithdrawPage } from "../views/case-views.js";
import type { FormState } from "../views/refer-views.js";
import { ReferPage, ReferSentPage } from "../views/refer-views.js";
import { withdrawConsent } from "../withdraw.js";

type Failed = 409 | 413 | 415 | 422 | 429;

/** What was typed, the checkbox groups as lists again. */
const typed = (values: Record<string, string>, lists: string[], errors: FieldErrors): FormState => ({
  values,
  lists: Object.fromEntries(lists.map((k) => [k, listOf(values[k])])),
  errors,
});

/** The case's page again, with the form that failed on it. */
async function caseAgain(c: Context<AppEnv>, id: string, form: FormState, status: Failed) {
  const data = await casePage(serviceContext(c), id);
  return render(c, data.c.firstName, <CasePage {...data} form={form} />, status);
}

const intakeValues = (c: BridgeCase): FormState => ({
  values: { wishes: c.wishes, resources: c.resources, notes: c.notes, postcode: c.postcode ?? "" },
  lists: { interests: c.interests, needs: c.needs, slots: c.slots, languages: c.languages, shareFields: c.shareFields },
  errors: {},
});

export const casesRoutes = new Hono<AppEnv>()
  .get("/refer", (c) => {
    const ctx = serviceContext(c);
    return render(c, c.get("t")("bridge.refer.title"), <ReferPage form={{ values: {}, errors: {} }} sources={sourcesFor(ctx)} />);
  })
  .post("/refer", async (c) => {
    const ctx = serviceContext(c);
    const t = c.get("t");
    const sources = sourcesFor(ctx);
    const form = await parseForm(c, referInput, REFER_LISTS);
    const again = (errors: FieldErrors, status: Failed = 422) =>
      render(c, t("bridge.refer.title"), <ReferPage form={typed(form.values, REFER_LISTS, errors)} sources={sources} />, status);
    if (!form.ok) return again(form.errors);
    try {
      const sent = await refer(ctx, form.data);
      const byName = sent.consent?.by && isPerson(ctx.actor) ? ctx.actor.name : null;
      const self = sources.length === 1 && sources[0] === "self";
      return render(c, t("bridge.sent.title"), <ReferSentPage {...sent} self={self} byName={self ? null : byName} />);
    } catch (error) {
      const f = formFailure(error);
      return again(f.fields, f.status);
    }
  })
  .get("/", async (c) => {
    const rows = await caseList(serviceContext(c));
    return render(c, c.get("t")("bridge.list.title"), <CaseListPage rows={rows} />);
  })
  .get("/cases/:id", async (c) => {
    const data = await casePage(serviceContext(c), c.req.param("id"));
    return render(c, data.c.firstName, <CasePage {...data} />);
  })
  .get("/cases/:id/consent", async (c) => {
    const found = await openCase(serviceContext(c), c.req.param("id"));
    if (found.consent) return c.redirect(`/bridge/cases/${found.id}`, 303);
    return render(c, c.get("t")("bridge.consent.record"), <ConsentPage c={found} form={{ values: {}, errors: {} }} />);
  })
  .post("/cases/:id/consent", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    const form = await parseForm(c, consentInput, ["purposes"]);
    const again = async (errors: FieldErrors, status: Failed = 422) => {
      const found = await openCase(ctx, id);
      return render(c, c.get("t")("bridge.consent.record"), <ConsentPage c={found} form={typed(form.values, ["purposes"], errors)} />, status);
    };
    if (!form.ok) return again(form.errors);
    try {
      const { c: recorded } = await recordConsent(ctx, id, form.data);
      const next = recorded.consent?.copy === "print" ? "/consent/print" : "";
      return c.redirect(`/bridge/cases/${recorded.id}${next}?notice=bridgeConsentRecorded`, 303);
    } catch (error) {
      const f = formFailure(error);
      return again(f.fields, f.status);
    }
  })
  .get("/cases/:id/consent/print", async (c) => {
    const ctx = serviceContext(c);
    const found = await openCase(ctx, c.req.param("id"));
    if (!found.consent) throw notFound();
    return render(
      c,
      c.get("t")("bridge.consentCopy.title", { centre: ctx.tenant.name }),
      <ConsentPrintPage c={found} byName={await consentByName(ctx, found)} />,
    );
  })
  .get("/cases/:id/intake", async (c) => {
    const ctx = serviceContext(c);
    const found = await openCase(ctx, c.req.param("id"));
    if (!found.consent) return c.redirect(`/bridge/cases/${found.id}`, 303);
    const categories = await intakeCategories(ctx);
    return render(
      c,
      c.get("t")("bridge.intake.title", { name: found.firstName }),
      <IntakePage c={found} form={intakeValues(found)} categories={categories} askShare={mayShare(found)} />,
    );
  })
  .post("/cases/:id/intake", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    const form = await parseForm(c, intakeInput, INTAKE_LISTS);
    const again = async (errors: FieldErrors, status: Failed = 422) => {
      const found = await openCase(ctx, id);
      const categories = await intakeCategories(ctx);
      return render(
        c,
        c.get("t")("bridge.intake.title", { name: found.firstName }),
        <IntakePage c={found} form={typed(form.values, INTAKE_LISTS, errors)} categories={categories} askShare={mayShare(found)} />,
        status,
      );
    };
    if (!form.ok) return again(form.errors);
    try {
      await saveIntake(ctx, id, form.data);
    } catch (error) {
      const f = formFailure(error);
      return again(f.fields, f.status);
    }
    return c.redirect(`/bridge/cases/${id}?notice=bridgeIntakeSaved`, 303);
  })
  .post("/cases/:id/notes", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, noteInput);
    if (!form.ok) return caseAgain(c, id, { values: form.values, errors: form.errors }, 422);
    try {
      await addNote(serviceContext(c), id, form.data.body);
    } catch (error) {
      const f = formFailure(error);
      return caseAgain(c, id, { values: form.values, errors: f.fields }, f.status);
    }
    return c.redirect(`/bridge/cases/${id}?notice=bridgeNoteAdded`, 303);
  })
  .post("/cases/:id/take", async (c) => {
    const id = c.req.param("id");
    await takeCase(serviceContext(c), id);
    return c.redirect(`/bridge/cases/${id}?notice=bridgeCaseTaken`, 303);
  })
  .post("/cases/:id/share", async (c) => {
    const id = c.req.param("id");
    const form = await parseForm(c, shareInput);
    if (!form.ok) return caseAgain(c, id, { values: {}, errors: form.errors }, 422);
    try {
      await shareCase(serviceContext(c), id, form.data.userId);
    } catch (error) {
      const f = formFailure(error);
      return caseAgain(c, id, { values: {}, errors: f.fields }, f.status);
    }
    return c.redirect(`/bridge/cases/${id}?notice=bridgeCaseShared`, 303);
  })
  .get("/cases/:id/withdraw", async (c) => {
    const found = await openCase(serviceContext(c), c.req.param("id"));
    return render(c, c.get("t")("bridge.withdraw.confirm"), <WithdrawPage c={found} />);
  })
  .post("/cases/:id/withdraw", async (c) => {
    await withdrawConsent(serviceContext(c), c.req.param("id"));
    return c.redirect("/bridge?notice=bridgeCaseDeleted", 303);
  });
