import type { Context } from "hono";
import type { Child } from "hono/jsx";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { formats } from "../i18n/format.js";
import type { MessageKey } from "../i18n/i18n.js";
import { Document } from "../ui/layout.js";
import { associationInView } from "../ui/nav.js";
import type { NavLink } from "../ui/page-context.js";
import type { AppEnv } from "./env.js";

export interface ShellData {
  nav: NavLink[];
  associations: { id: string; name: string }[];
  /** Every confirmation a redirect may name (?notice=…), the platform's and the modules'. */
  notices: Readonly<Record<string, MessageKey>>;
}

export type ShellLoader = (c: Context<AppEnv>) => Promise<ShellData>;

export function themeVersion(color: string): string {
  return Buffer.from(color).toString("hex");
}

const noticeOf = (notices: ShellData["notices"], name: string | undefined) => (name && Object.hasOwn(notices, name) ? (notices[name] ?? null) : null);

export async function render(c: Context<AppEnv>, title: string, body: Child, status: ContentfulStatusCode = 200) {
  const shell = await c.get("shell")(c);
  const tenant = c.get("tenant");
  const page = (
    <Document
      title={title}
      page={{
        t: c.get("t"),
        lang: c.get("lang"),
        fmt: formats(c.get("lang"), tenant.timeZone),
        tenant,
        actor: c.get("actor"),
        csrfToken: c.get("csrfToken"),
        nonce: c.get("secureHeadersNonce") ?? "",
        path: c.req.path,
        back: c.req.method === "GET" ? c.req.path + new URL(c.req.url).search : "/",
        nav: shell.nav,
        associations: shell.associations,
        // The association the page is about when it is one of the person's, else the one they switched to.
        activeAssociationId: associationInView(c.req.path, new URL(c.req.url).searchParams, shell.associations, c.get("session")?.activeAssociationId ?? null),
        devMailbox: !c.get("deps").mailer.transport,
        themeVersion: themeVersion(tenant.colorPrimary),
        notice: noticeOf(shell.notices, c.req.query("notice")),
      }}
    >
      {body}
    </Document>
  );
  c.header("Vary", "HX-Request, Accept-Language, Cookie");
  c.header("Cache-Control", "no-store");
  return c.html(`<!doctype html>${await page}`, status);
}
