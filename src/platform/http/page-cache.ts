import type { Context, MiddlewareHandler } from "hono";
import type { AppEnv } from "./env.js";
import { type DrawnPage, sendPage } from "./render.js";

/**
 * What a page's content depends on besides its address and language: an object that lives as long as the data
 * does (a tenant's search index) and a version that changes with every write to it, on any instance.
 */
export interface PageVersion {
  owner: object;
  version: string;
}

/** Pages kept per owner; a kept page is some tens of kilobytes. */
const MAX_PAGES = 100;

/**
 * Keeps the pages a route draws for visitors nobody is signed in as, and sends them again until the version
 * changes: the home page and popular searches are asked for the same way many times, and drawing one costs
 * far more than the bytes. Each request still reads the version (so a write on another instance shows at
 * once) and gets its own CSP nonce and CSRF token. Only for routes whose page `render` alone draws.
 */
export function keptPages(versionOf: (c: Context<AppEnv>) => Promise<PageVersion>): MiddlewareHandler<AppEnv> {
  const kept = new WeakMap<object, { version: string; pages: Map<string, DrawnPage> }>();
  return async (c, next) => {
    if (c.req.method !== "GET" || c.get("session") !== null) return next();
    const { owner, version } = await versionOf(c);
    let store = kept.get(owner);
    if (store?.version !== version) {
      store = { version, pages: new Map() };
      kept.set(owner, store);
    }
    const { pages } = store;
    const key = `${c.get("lang")}\n${c.req.header("hx-request") ?? ""}\n${c.req.url}`;
    const page = pages.get(key);
    if (page) {
      pages.delete(key);
      pages.set(key, page);
      return sendPage(c, page, 200);
    }
    c.set("keepPage", (drawn) => {
      pages.set(key, drawn);
      if (pages.size > MAX_PAGES) pages.delete(pages.keys().next().value as string);
    });
    await next();
  };
}
