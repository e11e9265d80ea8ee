import { Hono } from "hono";
import { tokenInput } from "../../platform/auth/auth.schema.js";
import { CheckEmailPage, LinkInvalidPage } from "../../platform/auth/views/auth-views.js";
import type { AppEnv } from "../../platform/http/env.js";
import { parseForm } from "../../platform/http/forms.js";
import { noStore, render } from "../../platform/http/render.js";
import { serviceContext } from "../../platform/service-context.js";
import { dataRequestInput, eraseInput } from "./privacy.schema.js";
import * as privacy from "./privacy.service.js";
import { DataRequestPage, ErasedPage, HeldPage } from "./views/privacy-views.js";

/** Data held under an e-mail address, for people with or without an account: ask, get a link, see, download or erase. */
export const dataRequestRoutes = new Hono<AppEnv>()
  .get("/", (c) => render(c, c.get("t")("dataRequest.title"), <DataRequestPage />))
  .post("/", async (c) => {
    const t = c.get("t");
    const form = await parseForm(c, dataRequestInput);
    if (!form.ok) return render(c, t("dataRequest.title"), <DataRequestPage values={form.values} errors={form.errors} />, 422);
    await privacy.requestByEmail(serviceContext(c), form.data.email);
    return render(c, t("auth.checkEmail.title"), <CheckEmailPage email={form.data.email} />);
  })
  .get("/open", async (c) => {
    const token = tokenInput.safeParse({ token: c.req.query("token") });
    const held = token.success ? await privacy.openByLink(serviceContext(c), token.data.token) : null;
    noStore(c);
    if (!token.success || !held) return render(c, c.get("t")("auth.linkInvalid.title"), <LinkInvalidPage />, 400);
    return render(c, c.get("t")("dataRequest.held.title"), <HeldPage email={held.email} data={held.data} token={token.data.token} />);
  })
  .post("/download", async (c) => {
    const form = await parseForm(c, tokenInput);
    if (!form.ok) return render(c, c.get("t")("auth.linkInvalid.title"), <LinkInvalidPage />, 400);
    const data = await privacy.exportByLink(serviceContext(c), form.data.token);
    c.header("Content-Disposition", 'attachment; filename="sammen-my-data.json"');
    noStore(c);
    return c.json(data);
  })
  .post("/erase", async (c) => {
    const form = await parseForm(c, eraseInput);
    if (!form.ok && !form.errors.confirm) return render(c, c.get("t")("auth.linkInvalid.title"), <LinkInvalidPage />, 400);
    if (!form.ok) {
      const held = await privacy.openByLink(serviceContext(c), form.values.token ?? "");
      if (!held) return render(c, c.get("t")("auth.linkInvalid.title"), <LinkInvalidPage />, 400);
      return render(
        c,
        c.get("t")("dataRequest.held.title"),
        <HeldPage email={held.email} data={held.data} token={form.values.token ?? ""} errors={form.errors} />,
        422,
      );
    }
    await privacy.eraseByLink(serviceContext(c), form.data.token);
    return render(c, c.get("t")("dataRequest.erased.title"), <ErasedPage />);
  });
