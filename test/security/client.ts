import { randomUUID } from "node:crypto";

/** A request as it goes over the wire: the probe controls every byte, malformed bodies included. */
export interface Sent {
  method: string;
  path: string;
  host: string;
  headers?: Record<string, string>;
  body?: string | Uint8Array;
}

export interface Received {
  status: number;
  headers: Record<string, string>;
  setCookies: string[];
  body: string;
  requestId: string;
}

export type Send = (request: Sent) => Promise<Received>;

type Fetchable = { request: (input: string, init?: RequestInit) => Response | Promise<Response> };

/** Sends to an app in this process (used to build the fixture). */
export function inProcess(app: Fetchable): Send {
  return async (r) => {
    const requestId = randomUUID();
    const headers = new Headers({ ...r.headers, host: r.host, "x-request-id": requestId });
    const res = await app.request(`http://${r.host}${r.path}`, {
      method: r.method,
      headers,
      body: r.body === undefined ? undefined : typeof r.body === "string" ? r.body : new Uint8Array(r.body),
      redirect: "manual",
    });
    return {
      status: res.status,
      headers: Object.fromEntries(res.headers),
      setCookies: res.headers.getSetCookie(),
      body: await res.text(),
      requestId,
    };
  };
}

export type Fields = Record<string, string | string[]>;

export function urlencoded(fields: Fields): string {
  const body = new URLSearchParams();
  for (const [k, v] of Object.entries(fields)) for (const one of Array.isArray(v) ? v : [v]) body.append(k, one);
  return body.toString();
}

export interface Upload {
  field: string;
  name: string;
  type: string;
  content: Uint8Array;
}

/** A multipart/form-data body as a browser writes it. */
export function multipart(fields: Fields, files: Upload[] = []): { body: Uint8Array; contentType: string } {
  const boundary = `----probe${randomUUID().replaceAll("-", "")}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    for (const one of Array.isArray(v) ? v : [v]) {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${one}\r\n`));
    }
  }
  for (const f of files) {
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`));
    parts.push(Buffer.from(f.content));
    parts.push(Buffer.from("\r\n"));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: new Uint8Array(Buffer.concat(parts)), contentType: `multipart/form-data; boundary=${boundary}` };
}

/**
 * One person's browser: a fixed session cookie (never replaced by what a response sets, so a role stays
 * that role whatever it submits) and the CSRF cookie and token a page gives.
 */
export class Browser {
  private csrfCookie = "";
  csrf = "";

  constructor(
    private send: Send,
    readonly host: string,
    private session: string | null,
  ) {}

  cookieHeader() {
    return [this.session ? `sammen_session=${this.session}` : "", this.csrfCookie].filter(Boolean).join("; ");
  }

  /** Reads the CSRF cookie and token from a page, as the browser would from any form. */
  async prepare() {
    const res = await this.send({ method: "GET", path: "/", host: this.host, headers: this.session ? { cookie: `sammen_session=${this.session}` } : {} });
    const seed = res.setCookies.map((c) => c.match(/^sammen_csrf=([^;]*)/)?.[1]).find(Boolean);
    const token = res.body.match(/name="_csrf" value="([^"]+)"/)?.[1];
    if (!seed || !token) throw new Error(`No CSRF cookie or token on ${this.host}/ (status ${res.status})`);
    this.csrfCookie = `sammen_csrf=${seed}`;
    this.csrf = token;
    return this;
  }

  request(method: string, path: string, init: { headers?: Record<string, string>; body?: string | Uint8Array } = {}) {
    const cookie = this.cookieHeader();
    return this.send({ method, path, host: this.host, headers: { ...(cookie ? { cookie } : {}), ...init.headers }, body: init.body });
  }

  get(path: string, headers: Record<string, string> = {}) {
    return this.request("GET", path, { headers });
  }

  /** Posts a form with the CSRF token, urlencoded or (with files) multipart. */
  post(path: string, fields: Fields = {}, files?: Upload[]) {
    const all = { _csrf: this.csrf, ...fields };
    if (files) {
      const { body, contentType } = multipart(all, files);
      return this.request("POST", path, { headers: { "content-type": contentType }, body });
    }
    return this.request("POST", path, { headers: { "content-type": "application/x-www-form-urlencoded" }, body: urlencoded(all) });
  }
}

/** The path and query of a same-site redirect, or null for one that leaves the host. */
export function localLocation(res: Received, host: string): string | null {
  const location = res.headers.location;
  if (!location || res.status < 300 || res.status >= 400) return null;
  const url = new URL(location, `http://${host}`);
  return url.host === host ? url.pathname + url.search : null;
}
