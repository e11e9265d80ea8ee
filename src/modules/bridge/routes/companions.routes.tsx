import { Hono } from "hono";
import { listOf } from "../../../db/lists.js";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure } from "../../../platform/http/errors.js";
import { parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import * as service from "../companions.js";
import { addCompanionInput, assignCompanionInput, COMPANION_LISTS, companionInput } from "../companions.schema.js";
import { CaseCompanionPage, CompanionEditPage, type CompanionForm, CompanionPoolPage, MyCompanionPage } from "../views/companion-views.js";

type FormStatus = 409 | 413 | 415 | 422 | 429;

/** What was typed into a companion's form, its checkbox groups (sent as repeated fields) as lists again. */
const typed = (values: Record<string, string>): CompanionForm => ({
  ...values,
  languages: listOf(values.languages),
  slots: listOf(values.slots),
});

export const companionsRoutes = new Hono<AppEnv>()
  .get("/companions", async (c) => {
    const pool = await service.companionPool(serviceContext(c));
    return render(c, c.get("t")("bridge.companions.title"), <CompanionPoolPage pool={pool} />);
  })
  .post("/companions", async (c) => {
    const ctx = serviceContext(c);
    const pool = await service.companionPool(ctx);
    const form = await parseForm(c, addCompanionInput, COMPANION_LISTS);
    const again = (errors: FieldErrors, status: FormStatus = 422) =>
      render(c, c.get("t")("bridge.companions.title"), <CompanionPoolPage pool={pool} values={typed(form.values)} errors={errors} />, status);
    if (!form.ok) return again(form.errors);
    try {
      await service.addCompanion(ctx, form.data);
    } catch (e) {
      const f = formFailure(e);
      return again(f.fields, f.status);
    }
    return c.redirect("/bridge/companions?notice=saved", 303);
  })
  .get("/companions/:userId", async (c) => {
    const member = await service.poolMember(serviceContext(c), c.req.param("userId"));
    return render(c, member.name, <CompanionEditPage member={member} values={member} />);
  })
  .post("/companions/:userId", async (c) => {
    const ctx = serviceContext(c);
    const member = await service.poolMember(ctx, c.req.param("userId"));
    const form = await parseForm(c, companionInput, COMPANION_LISTS);
    const again = (errors: FieldErrors, status: FormStatus = 422) =>
      render(c, member.name, <CompanionEditPage member={member} values={typed(form.values)} errors={errors} />, status);
    if (!form.ok) return again(form.errors);
    try {
      await service.editCompanion(ctx, member.userId, form.data);
    } catch (e) {
      const f = formFailure(e);
      return again(f.fields, f.status);
    }
    return c.redirect("/bridge/companions?notice=saved", 303);
  })
  .post("/companions/:userId/deactivate", async (c) => {
    await service.setCompanionActive(serviceContext(c), c.req.param("userId"), false);
    return c.redirect("/bridge/companions?notice=saved", 303);
  })
  .post("/companions/:userId/activate", async (c) => {
    await service.setCompanionActive(serviceContext(c), c.req.param("userId"), true);
    return c.redirect("/bridge/companions?notice=saved", 303);
  })
  .get("/companion", async (c) => {
    const people = await service.myPeople(serviceContext(c));
    return render(c, c.get("t")("bridge.myCompanion.title"), <MyCompanionPage people={people} />);
  })
  .get("/cases/:id/companion", async (c) => {
    const found = await service.caseCompanion(serviceContext(c), c.req.param("id"));
    return render(
      c,
      c.get("t")("bridge.companion.title", { name: found.bridgeCase.firstName }),
      <CaseCompanionPage
        caseId={found.bridgeCase.id}
        firstName={found.bridgeCase.firstName}
        current={found.current}
        candidates={found.candidates}
        consented={found.consented}
      />,
    );
  })
  .post("/cases/:id/companion", async (c) => {
    const ctx = serviceContext(c);
    const id = c.req.param("id");
    const found = await service.caseCompanion(ctx, id);
    const form = await parseForm(c, assignCompanionInput);
    const again = (errors: FieldErrors, status: FormStatus = 422) =>
      render(
        c,
        c.get("t")("bridge.companion.title", { name: found.bridgeCase.firstName }),
        <CaseCompanionPage
          caseId={found.bridgeCase.id}
          firstName={found.bridgeCase.firstName}
          current={found.current}
          candidates={found.candidates}
          consented={found.consented}
          errors={errors}
        />,
        status,
      );
    if (!form.ok) return again(form.errors);
    try {
      await service.assignCompanion(ctx, id, form.data.companionId);
    } catch (e) {
      const f = formFailure(e);
      return again(f.fields, f.status);
    }
    return c.redirect(`/bridge/cases/${found.bridgeCase.id}/companion?notice=saved`, 303);
  })
  .post("/cases/:id/companion/remove", async (c) => {
    const id = c.req.param("id");
    await service.removeCompanion(serviceContext(c), id);
    return c.redirect(`/bridge/cases/${encodeURIComponent(id)}/companion?notice=saved`, 303);
  });
