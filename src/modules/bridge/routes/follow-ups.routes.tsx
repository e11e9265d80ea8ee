import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/env.js";
import { type FieldErrors, formFailure } from "../../../platform/http/errors.js";
import { parseForm } from "../../../platform/http/forms.js";
import { render } from "../../../platform/http/render.js";
import { serviceContext } from "../../../platform/service-context.js";
import { DEFAULT_SETTINGS } from "../bridge.model.js";
import * as service from "../follow-ups.js";
import { followUpInput, settingsInput } from "../follow-ups.schema.js";
import { welcomeItems } from "../settings.js";
import { CaseFollowUpsPage, DueFollowUpsPage } from "../views/follow-up-views.js";
import { BridgeSettingsPage } from "../views/settings-views.js";

type FormStatus = 409 | 413 | 415 | 422 | 429;

export const followUpsRoutes = new Hono<AppEnv>()
  .get("/follow-ups", async (c) => {
    const rows = await service.dueFollowUps(serviceContext(c));
    return render(c, c.get("t")("bridge.followUps.title"), <DueFollowUpsPage rows={rows} />);
  })
  .get("/cases/:id/follow-ups", async (c) => {
    const { bridgeCase, followUps } = await service.caseFollowUps(serviceContext(c), c.req.param("id"));
    return render(
      c,
      c.get("t")("bridge.followUp.title", { name: bridgeCase.firstName }),
      <CaseFollowUpsPage caseId={bridgeCase.id} firstName={bridgeCase.firstName} followUps={followUps} />,
    );
  })
  .post("/cases/:id/follow-ups", async (c) => {
    const ctx = serviceContext(c);
    const { bridgeCase, followUps } = await service.caseFollowUps(ctx, c.req.param("id"));
    const form = await parseForm(c, followUpInput);
    const again = (errors: FieldErrors, status: FormStatus = 422) =>
      render(
        c,
        c.get("t")("bridge.followUp.title", { name: bridgeCase.firstName }),
        <CaseFollowUpsPage caseId={bridgeCase.id} firstName={bridgeCase.firstName} followUps={followUps} values={form.values} errors={errors} />,
        status,
      );
    if (!form.ok) return again(form.errors);
    try {
      await service.recordFollowUp(ctx, bridgeCase.id, form.data);
    } catch (e) {
      const f = formFailure(e);
      return again(f.fields, f.status);
    }
    return c.redirect(`/bridge/cases/${bridgeCase.id}/follow-ups?notice=saved`, 303);
  })
  .get("/settings", async (c) => {
    const settings = await service.settingsToTailor(serviceContext(c));
    const values = {
      followUpMonths: settings.followUpMonths.join(", "),
      retentionMonths: String(settings.retentionMonths),
      welcomeItems: settings.welcomeItems.join("\n"),
    };
    return render(c, c.get("t")("bridge.settings.title"), <BridgeSettingsPage values={values} defaultItems={welcomeItems(DEFAULT_SETTINGS, c.get("t"))} />);
  })
  .post("/settings", async (c) => {
    const ctx = serviceContext(c);
    await service.settingsToTailor(ctx);
    const form = await parseForm(c, settingsInput);
    const again = (errors: FieldErrors, status: FormStatus = 422) =>
      render(
        c,
        c.get("t")("bridge.settings.title"),
        <BridgeSettingsPage
          values={{
            followUpMonths: form.values.followUpMonths ?? "",
            retentionMonths: form.values.retentionMonths ?? "",
            welcomeItems: form.values.welcomeItems ?? "",
          }}
          defaultItems={welcomeItems(DEFAULT_SETTINGS, c.get("t"))}
          errors={errors}
        />,
        status,
      );
    if (!form.ok) return again(form.errors);
    try {
      await service.tailorSettings(ctx, form.data);
    } catch (e) {
      const f = formFailure(e);
      return again(f.fields, f.status);
    }
    return c.redirect("/bridge/settings?notice=saved", 303);
  });
