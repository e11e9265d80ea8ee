import { createHash, randomBytes } from "node:crypto";
import { deflateSync, gzipSync } from "node:zlib";
import type { Context } from "hono";
import { accepts } from "hono/accepts";
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

/**
 * Stand in for what differs from one request to the next while a page is drawn: the CSP nonce and the
 * visitor's CSRF token. The drawn page is then the same for every visitor, so its ETag can be worked out
 * once and an anonymous page can be kept (see page-cache.ts). Random per process, so nothing a person writes
 * on a page can be mistaken for them.
 */
const NONCE_MARK = `n${randomBytes(12).toString("hex")}`;
const CSRF_MARK = `c${randomBytes(12).toString("hex")}`;
const MARKS = new RegExp(`${NONCE_MARK}|${CSRF_MARK}`, "g");

/** A page as drawn, with the marks in place, and a digest of its bytes once one is asked for. */
export interface DrawnPage {
  html: string;
  digest?: string;
  /** Its text between the marks, encoded once, and which mark follows each piece (see `bytesOf`). */
  pieces?: { bytes: Buffer[]; marks: boolean[] };
}

/**
 * The page's bytes with this request's nonce and token in place of the marks. A kept page is sent many times:
 * encoding it to UTF-8 once and copying the pieces each time costs a fraction of replacing the marks in the text
 * and encoding the result again.
 */
function bytesOf(page: DrawnPage, nonce: string, token: string): Uint8Array<ArrayBuffer> {
  if (!page.pieces) {
    const bytes: Buffer[] = [];
    const marks: boolean[] = [];
    let at = 0;
    for (const found of page.html.matchAll(MARKS)) {
      bytes.push(Buffer.from(page.html.slice(at, found.index)));
      marks.push(found[0] === NONCE_MARK);
      at = found.index + found[0].length;
    }
    bytes.push(Buffer.from(page.html.slice(at)));
    page.pieces = { bytes, marks };
  }
  const { bytes, marks } = page.pieces;
  const values = { nonce: Buffer.from(nonce), token: Buffer.from(token) };
  const out: Buffer[] = [];
  for (const [i, piece] of bytes.entries()) {
    out.push(piece);
    if (i < marks.length) out.push(marks[i] ? values.nonce : values.token);
  }
  return Buffer.concat(out) as Uint8Array<ArrayBuffer>;
}

/** The ETag of a page: its drawn bytes and the visitor's CSRF token, which the page carries. */
function etagOf(page: DrawnPage, token: string) {
  page.digest ??= createHash("sha1").update(page.html).digest("base64url");
  return `W/"${createHash("sha1").update(page.digest).update(token).digest("base64url")}"`;
}

const matches = (ifNoneMatch: string | undefined, etag: string) =>
  !!ifNoneMatch && ifNoneMatch.split(",").some((tag) => tag.trim() === etag || tag.trim() === "*" || `W/${tag.trim()}` === etag);

const HTML = "text/html; charset=UTF-8";
/** zlib's level 3: on the home page a third less time than the default level (6), for 5 % more bytes. */
const ZIP = { level: 3 };

/** For an answer no cache may keep (a page reached by a secret link, a download of one's data). */
export function noStore(c: Context<AppEnv>): void {
  c.set("noStore", true);
  c.header("Cache-Control", "no-store");
}

/** Whether a page may be revalidated and kept: a 200 answer to an anonymous GET whose route did not say `noStore`. */
function keepable(c: Context<AppEnv>, status: ContentfulStatusCode): boolean {
  return status === 200 && c.req.method === "GET" && c.get("session") === null && !c.get("noStore");
}

/**
 * Sends a drawn page with this request's nonce and token. Only pages nobody is signed in to get an ETag, and
 * only for the visitor's own cache (`private`): each page carries a CSRF token bound to the visitor's cookie,
 * so no shared cache may keep it, and a signed-in page is never stored at all.
 */
export function sendPage(c: Context<AppEnv>, page: DrawnPage, status: ContentfulStatusCode) {
  c.header("Vary", "HX-Request, Accept-Language, Cookie, Accept-Encoding");
  // Unset on an error page drawn before the token was made.
  const token: string = c.get("csrfToken") ?? "";
  if (keepable(c, status)) {
    const etag = etagOf(page, token);
    c.header("ETag", etag);
    c.header("Cache-Control", "private, no-cache");
    if (matches(c.req.header("if-none-match"), etag)) return c.body(null, 304);
  } else {
    c.header("Cache-Control", "private, no-store");
  }
  const sent = bytesOf(page, c.get("secureHeadersNonce") ?? "", token);
  // From 1 KiB a page is compressed when the browser asks: a smaller one costs more to compress than it saves. An
  // answer to HEAD has no body to compress.
  const encoding =
    sent.length >= 1024 && c.req.method !== "HEAD"
      ? accepts(c, { header: "Accept-Encoding", supports: ["gzip", "deflate", "identity"], default: "identity" })
      : "identity";
  if (encoding !== "gzip" && encoding !== "deflate") return c.body(sent, status, { "Content-Type": HTML });
  // In one call, as the page is already whole: a compression stream over it costs several times more.
  const zipped = (encoding === "gzip" ? gzipSync : deflateSync)(sent, ZIP) as Uint8Array<ArrayBuffer>;
  return c.body(zipped, status, { "Content-Type": HTML, "Content-Encoding": encoding });
}

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
        csrfToken: CSRF_MARK,
        nonce: NONCE_MARK,
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
  const html = `<!doctype html>${await page}`;
  const drawn: DrawnPage = { html };
  if (keepable(c, status)) c.get("keepPage")?.(drawn);
  return sendPage(c, drawn, status);
}
