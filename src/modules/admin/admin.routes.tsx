import { Hono } from "hono";
import { listOf } from "../../db/lists.js";
import { createApiToken, listApiTokens, revokeApiToken } from "../../platform/api/tokens.js";
import { actionLabel } from "../../platform/audit/action-labels.js";
import { authorize } from "../../platform/auth/policy.js";
import { csvResponse } from "../../platform/http/csv.js";
import type { AppEnv } from "../../platform/http/env.js";
import { notFound } from "../../platform/http/errors.js";
import { issuesToFieldErrors, parseForm } from "../../platform/http/forms.js";
import { render } from "../../platform/http/render.js";
import { formats } from "../../platform/i18n/format.js";
import { serviceContext } from "../../platform/service-context.js";
import { settingsForm } from "./admin.model.js";
import { canEditTenantSettings, canManageApiTokens, canReadAccessLog, canReadAudit } from "./admin.policy.js";
import { AUDIT_PAGE_SIZE } from "./admin.repository.js";
import { accessQuery, apiTokenInput, auditQuery, tenantSettingsInput } from "./admin.schema.js";
import * as admin from "./admin.service.js";
import { AccessPage, ApiTokensPage, AuditPage, TenantSettingsPage } from "./views/admin-views.js";

export const adminRoutes = new Hono<AppEnv>()
  .get("/audit", async (c) => {
    const ctx = serviceContext(c);
    authorize(ctx.actor, canReadAudit, { tenantId: ctx.tenant.id });
    const parsed = auditQuery.safeParse(c.req.query());
    const query = parsed.success ? parsed.data : auditQuery.parse({});
    const errors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
    const [{ rows, total }, actions] = await Promise.all([admin.auditLog(ctx, query), admin.auditActions(ctx)]);
    return render(
      c,
      c.get("t")("audit.title"),
      <AuditPage rows={rows} total={total} actions={actions} query={query} values={c.req.query()} errors={errors} pages={Math.ceil(total / AUDIT_PAGE_SIZE)} />,
      parsed.success ? 200 : 422,
    );
  })
  .get("/audit/export.csv", async (c) => {
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    const ctx = serviceContext(c);
    authorize(ctx.actor, canReadAudit, { tenantId: ctx.tenant.id });
    const query = auditQuery.catch(auditQuery.parse({})).parse(c.req.query());
    const { rows } = await admin.auditLog(ctx, query, true);
    return csvResponse(
      c,
      "audit-log.csv",
      [t("audit.when"), t("audit.who"), t("audit.action"), t("audit.actionCode"), t("audit.entity"), t("audit.entityId"), t("audit.ip"), t("audit.details")],
      rows.map((r) => [
        fmt.dateTime(r.at),
        r.actorEmail ?? (r.actorId ? t("audit.deletedPerson") : t("audit.system")),
        actionLabel(t, r.action),
        r.action,
        r.entityType,
        r.entityId,
        r.ip,
        r.details,
      ]),
    );
  })
  .get("/access", async (c) => {
    const ctx = serviceContext(c);
    authorize(ctx.actor, canReadAccessLog, { tenantId: ctx.tenant.id });
    const parsed = accessQuery.safeParse(c.req.query());
    const query = parsed.success ? parsed.data : accessQuery.parse({});
    const errors = parsed.success ? {} : issuesToFieldErrors(parsed.error.issues);
    const { rows, total } = await admin.accessLog(ctx, query);
    return render(
      c,
      c.get("t")("access.title"),
      <AccessPage rows={rows} total={total} query={query} values={c.req.query()} errors={errors} pages={Math.ceil(total / AUDIT_PAGE_SIZE)} />,
      parsed.success ? 200 : 422,
    );
  })
  .get("/access/export.csv", async (c) => {
    const t = c.get("t");
    const fmt = formats(c.get("lang"), c.get("tenant").timeZone);
    const ctx = serviceContext(c);
    authorize(ctx.actor, canReadAccessLog, { tenantId: ctx.tenant.id });
    const query = accessQuery.catch(accessQuery.parse({})).parse(c.req.query());
    const { rows } = await admin.accessLog(ctx, query, true);
    return csvResponse(
      c,
      "access-log.csv",
      [t("audit.when"), t("audit.who"), t("audit.action"), t("audit.actionCode"), t("access.subject")],
      rows.map((r) => [
        fmt.dateTime(r.at),
        r.actorEmail ?? (r.actorId ? t("audit.deletedPerson") : t("audit.system")),
        actionLabel(t, r.action),
        r.action,
        r.subjectName ?? `${r.subjectType} ${r.subjectId}`,
      ]),
    );
  })
  .get("/api-tokens", async (c) => {
    const tenant = c.get("tenant");
    authorize(c.get("actor"), canManageApiTokens, { tenantId: tenant.id });
    return render(c, c.get("t")("apiTokens.title"), <ApiTokensPage tokens={await listApiTokens(c.get("deps").db, tenant.id)} />);
  })
  .post("/api-tokens", async (c) => {
    const { db } = c.get("deps");
    const tenant = c.get("tenant");
    const actor = c.get("actor");
    authorize(actor, canManageApiTokens, { tenantId: tenant.id });
    const form = await parseForm(c, apiTokenInput, ["scopes"]);
    if (!form.ok) {
      return render(
        c,
        c.get("t")("apiTokens.title"),
        <ApiTokensPage tokens={await listApiTokens(db, tenant.id)} values={form.values} errors={form.errors} />,
        422,
      );
    }
    const secret = await createApiToken(serviceContext(c), { name: form.data.name, scopes: form.data.scopes });
    return render(c, c.get("t")("apiTokens.title"), <ApiTokensPage tokens={await listApiTokens(db, tenant.id)} created={secret} />, 201);
  })
  .get("/settings", (c) => {
    const tenant = c.get("tenant");
    authorize(c.get("actor"), canEditTenantSettings, { tenantId: tenant.id });
    return render(c, c.get("t")("settings.title"), <TenantSettingsPage values={settingsForm(tenant)} />);
  })
  .post("/settings", async (c) => {
    const ctx = serviceContext(c);
    authorize(ctx.actor, canEditTenantSettings, { tenantId: ctx.tenant.id });
    const form = await parseForm(c, tenantSettingsInput(), ["languages"]);
    if (!form.ok) {
      const typed = { ...form.values, languages: listOf(form.values.languages) };
      return render(c, c.get("t")("settings.title"), <TenantSettingsPage values={typed} errors={form.errors} />, 422);
    }
    await admin.changeSettings(ctx, form.data);
    return c.redirect("/admin/settings?notice=settingsSaved", 303);
  })
  .post("/api-tokens/:id/revoke", async (c) => {
    const tenant = c.get("tenant");
    const actor = c.get("actor");
    authorize(actor, canManageApiTokens, { tenantId: tenant.id });
    if (!(await revokeApiToken(serviceContext(c), c.req.param("id")))) throw notFound();
    return c.redirect("/admin/api-tokens?notice=tokenRevoked", 303);
  });
