// A seeded fuzz pass: requests generated from the OpenAPI document and from the form routes' Zod
// schemas, filled with hostile values, and malformed bodies. Nothing may answer 5xx or hang, and
// every 4xx of the API is problem+json. SECURITY_FUZZ_SEED repeats a run; SECURITY_FUZZ_COUNT sizes it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Browser, type Fields, multipart, type Sent, urlencoded } from "./client.js";
import { type Finding, publish, report, serverFault } from "./findings.js";
import {
  DATES,
  fieldsOf,
  hostileFile,
  hostileForm,
  hostileId,
  hostileJson,
  hostileParams,
  hostileQuery,
  hostileText,
  malformed,
  type Rng,
  rng,
} from "./hostile.js";
import { FILL, type Fill, isApi, pathFor, type Route } from "./routes.js";
import { openProbe, type Probe } from "./setup.js";
import { ROLES, type Role, type TenantWorld } from "./world.js";

const SEED = Number(process.env.SECURITY_FUZZ_SEED ?? 20261122);
const COUNT = Math.max(2000, Number(process.env.SECURITY_FUZZ_COUNT ?? 2000));
const DATE_FIELD = /date|^from$|^to$|until|week|expires|modified_after/i;
const SWEEP_DATES = ["2026-02-30", "2027-04-31", "9999-12-31", "0000-01-01", "+275760-09-13", "2026-13-01", "1900-02-29", ""];
/** Put the data back every so many requests, so deletions early in the run do not starve the rest. */
const RESET_EVERY = 300;

interface Operation {
  method: string;
  path: string;
  params: { name: string; in: "path" | "query"; required?: boolean; schema?: { type?: string; format?: string } }[];
  body: { properties?: Record<string, unknown> } | null;
}

/** The operations of the OpenAPI document, with their parameters and JSON bodies. */
function operationsOf(doc: {
  servers?: { url: string }[];
  paths: Record<string, Record<string, { parameters?: Operation["params"]; requestBody?: { content?: Record<string, { schema?: unknown }> } }>>;
  components?: { schemas?: Record<string, unknown> };
}): Operation[] {
  const base = doc.servers?.[0]?.url ?? "";
  const resolve = (s: unknown) => {
    const ref = (s as { $ref?: string } | undefined)?.$ref;
    return (ref ? doc.components?.schemas?.[ref.split("/").pop() ?? ""] : s) as Operation["body"];
  };
  return Object.entries(doc.paths).flatMap(([path, ops]) =>
    Object.entries(ops).map(([method, op]) => ({
      method: method.toUpperCase(),
      path: base + path,
      params: op.parameters ?? [],
      body: op.requestBody ? (resolve(op.requestBody.content?.["application/json"]?.schema) ?? {}) : null,
    })),
  );
}

/** What the fuzz can send: a tenant's browser per role, its API token, and the ids of both tenants. */
interface Stage {
  probe: Probe;
  browsers: Map<string, Browser>;
  known: string[];
}

const browserOf = (stage: Stage, w: TenantWorld, role: Role) => stage.browsers.get(`${w.key}:${role}`) as Browser;

function headersOf(b: Browser, extra: Record<string, string> = {}): Record<string, string> {
  const cookie = b.cookieHeader();
  return { ...(cookie ? { cookie } : {}), ...extra };
}

describe("fuzz: generated and malformed requests [sqlite]", () => {
  let stage: Stage;
  let operations: Operation[];
  const all: Finding[] = [];
  let sent = 0;
  /** How the answers spread, printed with the report: a run that reaches no handler shows as all 4xx. */
  const statuses = new Map<string, number>();

  beforeAll(async () => {
    console.log(`security fuzz seed ${SEED}, ${COUNT} requests (SECURITY_FUZZ_SEED=${SEED} repeats this run)`);
    const probe = await openProbe("sqlite");
    const browsers = new Map<string, Browser>();
    for (const w of [probe.world.alfa, probe.world.bravo]) {
      for (const role of ROLES)
        browsers.set(`${w.key}:${role}`, await new Browser(probe.target.transport, w.host, role === "anonymous" ? null : w.sessions[role]).prepare());
    }
    stage = { probe, browsers, known: [...probe.world.alfa.ids, ...probe.world.bravo.ids] };
    const doc = await probe.target.transport({ method: "GET", path: "/api/openapi.json", host: probe.world.alfa.host });
    operations = operationsOf(JSON.parse(doc.body));
  }, 180_000);
  afterAll(async () => {
    const spread = [...statuses]
      .sort()
      .map(([k, n]) => `${k} ${n}`)
      .join(", ");
    publish("security-fuzz.txt", `Fuzz (seed ${SEED}, ${sent} requests: ${spread})`, all);
    await stage?.probe.close();
  });

  /** Sends one request and records what went wrong with it. */
  async function fire(request: Sent, label: string, api: boolean): Promise<Finding[]> {
    sent += 1;
    if (sent % RESET_EVERY === 0) await stage.probe.target.reset();
    const outcome = await stage.probe.target.send(request);
    const status = outcome.kind === "response" ? `${String(outcome.status)[0]}xx` : outcome.kind;
    statuses.set(status, (statuses.get(status) ?? 0) + 1);
    const where = `#${sent} ${label}: ${request.method} ${request.path.slice(0, 160)} → ${outcome.kind === "response" ? outcome.status : outcome.kind}`;
    const findings: Finding[] = [];
    const fault = await serverFault(stage.probe.target, outcome);
    if (fault) findings.push({ ...fault, where });
    if (api && outcome.kind === "response" && outcome.status >= 400 && outcome.status < 500) {
      const type = outcome.headers["content-type"] ?? "";
      let body: { status?: unknown } | null = null;
      try {
        body = JSON.parse(outcome.body);
      } catch {}
      if (!type.startsWith("application/problem+json") || body?.status !== outcome.status)
        findings.push({ cause: `API ${outcome.status} is not problem+json`, where, detail: `${type}: ${outcome.body.slice(0, 200)}` });
    }
    return findings;
  }

  function pick(r: Rng) {
    const actor = r.pick([stage.probe.world.alfa, stage.probe.world.bravo]);
    const other = actor === stage.probe.world.alfa ? stage.probe.world.bravo : stage.probe.world.alfa;
    const role = r.pick(ROLES);
    return { actor, role, ids: r.chance(0.65) ? actor : other, other, browser: browserOf(stage, actor, role) };
  }

  async function apiRequest(r: Rng): Promise<Finding[]> {
    const op = r.pick(operations);
    const { actor, other, ids, role } = pick(r);
    const route: Route = { method: op.method, path: op.path.replace(/\{(\w+)\}/g, ":$1"), key: "" };
    const params: Record<string, string> = {};
    const query: Fields = {};
    for (const p of op.params) {
      const fill = FILL[`${op.method} ${route.path}`];
      const known = p.in === "path" ? (fill?.params?.(ids)[p.name] ?? hostileId(r, stage.known)) : undefined;
      if (p.in === "path") params[p.name] = r.chance(0.5) ? (known as string) : hostileId(r, stage.known);
      else if (p.required || r.chance(0.7)) {
        const hint = p.schema?.format === "date" || /date|from|after/.test(p.name) ? "from" : p.name;
        const value =
          p.schema?.type === "integer" || p.schema?.type === "number"
            ? r.pick(["0", "-1", "1e9", "NaN", "2.5", "99999999999999999999", ""])
            : hostileText(r, stage.known, hint, "url");
        query[p.name] = r.chance(0.15) ? [value, hostileText(r, stage.known, "", "url")] : r.chance(0.1) ? r.pick(DATES) : value;
      }
    }
    const auth = r.pick([null, actor.apiSecret, actor.apiSecret, other.apiSecret, "smn_unknown", "", `smn_${"a".repeat(5000)}`]);
    const headers: Record<string, string> = auth === null ? {} : { authorization: r.chance(0.9) ? `Bearer ${auth}` : `Basic ${auth}` };
    let body: string | undefined;
    if (op.body) {
      const roll = r.next();
      const props = Object.keys(op.body.properties ?? { name: 1, email: 1 });
      if (roll < 0.55) body = JSON.stringify(Object.fromEntries(props.map((k) => [k, hostileJson(r, stage.known)])));
      else if (roll < 0.7) body = JSON.stringify(hostileJson(r, stage.known));
      else if (roll < 0.85) body = r.pick(["{", '{"name":', "[", "nul", "\u0000", '{"name": "x", "name": 1}']);
      else body = "";
      headers["content-type"] = r.chance(0.85)
        ? "application/json"
        : r.pick(["text/plain", "application/x-www-form-urlencoded", "multipart/form-data", "application/json; charset=latin1"]);
    }
    const path = pathFor(route, params, query);
    return fire({ method: op.method, path, host: actor.host, headers, body }, `API as ${role} of ${actor.key}`, true);
  }

  async function formRequest(r: Rng, routes: Route[]): Promise<Finding[]> {
    const route = r.pick(routes);
    const fill = FILL[route.key] as Fill;
    const { actor, ids, role, browser } = pick(r);
    const path = pathFor(route, hostileParams(r, stage.known, fill.params?.(ids) ?? {}), fill.query?.(ids) ?? {});
    const fields = { _csrf: browser.csrf, ...hostileForm(r, stage.known, fill, ids) };
    const files = await hostileFile(r, fill, ids);
    const asMultipart = files.length > 0 || r.chance(0.25);
    const { body, contentType } = asMultipart ? multipart(fields, files) : { body: urlencoded(fields), contentType: "application/x-www-form-urlencoded" };
    return fire(
      { method: "POST", path, host: actor.host, headers: headersOf(browser, { "content-type": contentType }), body },
      `form as ${role} of ${actor.key}`,
      false,
    );
  }

  async function pageRequest(r: Rng, routes: Route[]): Promise<Finding[]> {
    const route = r.pick(routes);
    const fill = FILL[route.key] as Fill;
    const { actor, ids, role, browser } = pick(r);
    const path = pathFor(route, hostileParams(r, stage.known, fill.params?.(ids) ?? {}), hostileQuery(r, stage.known, fill.query?.(ids) ?? {}));
    return fire({ method: "GET", path, host: actor.host, headers: headersOf(browser) }, `page as ${role} of ${actor.key}`, isApi(route));
  }

  async function malformedRequest(r: Rng, routes: Route[]): Promise<Finding[]> {
    const route = r.pick(routes);
    const fill = FILL[route.key] as Fill;
    const { actor, ids, role, browser } = pick(r);
    const { contentType, body, extra } = malformed(r, browser.csrf);
    const headers = headersOf(browser, { ...(contentType ? { "content-type": contentType } : {}), ...extra });
    // Half the time the token comes in the header, so the body reaches the handler's own parser too.
    if (r.chance(0.5)) headers["x-csrf-token"] = browser.csrf;
    const path = pathFor(route, fill.params?.(ids) ?? {});
    return fire({ method: route.method, path, host: actor.host, headers, body }, `malformed body as ${role} of ${actor.key}`, isApi(route));
  }

  /** A valid request of any route with one header an attacker or a broken proxy sends instead. */
  async function hostileHeaderRequest(r: Rng, routes: Route[]): Promise<Finding[]> {
    const route = r.pick(routes);
    const fill = FILL[route.key] as Fill;
    const { actor, role, browser } = pick(r);
    const path = pathFor(route, fill.params?.(actor) ?? {}, fill.query?.(actor) ?? {});
    const headers = headersOf(browser, route.method === "POST" ? { "content-type": "application/x-www-form-urlencoded" } : {});
    const body = route.method === "POST" ? urlencoded({ _csrf: browser.csrf, ...(fill.form?.(actor) ?? {}) }) : undefined;
    let host = actor.host;
    r.pick([
      () => {
        // Only names a URL can hold: the Node adapter answers anything else (a list, an empty name, port 99999) before the app.
        host = r.pick(["evil.example", "ALFA.TEST", "alfa.test.", "alfa.test:8443", "[::1]", "127.0.0.1", `${"a".repeat(300)}.test`, "xn--bcher-kva.test"]);
      },
      () => {
        headers.cookie = r.pick([
          "sammen_session=",
          `sammen_session=${"x".repeat(4000)}`,
          "sammen_session=%zz; sammen_csrf=%",
          "sammen_lang=xx; sammen_lang=../..",
          "=;=;=",
        ]);
      },
      () => {
        headers["accept-language"] = r.pick(["*", "xx-YY;q=2", "da;q=NaN,en;q=-1", "\u00e6\u00f8;q=1", ",,,;;;", "a".repeat(2000)]);
      },
      () => {
        headers["x-forwarded-for"] = r.pick(["", "not-an-ip", "1.2.3.4, , ,", "::ffff:999.1.1.1", "a".repeat(1000)]);
        headers["x-forwarded-host"] = r.pick(["evil.example", "", "bravo.test"]);
        headers["x-forwarded-proto"] = r.pick(["https", "gopher", ""]);
      },
      () => {
        headers["hx-request"] = "true";
        headers["hx-target"] = r.pick(["main", "", "<script>"]);
      },
      () => {
        headers["x-csrf-token"] = r.pick(["", "x", browser.csrf.slice(1), "a".repeat(500)]);
      },
    ])();
    const changed = Object.entries(headers)
      .filter(([k, v]) => k !== "cookie" || v !== browser.cookieHeader())
      .filter(([k]) => k !== "content-type")
      .map(([k, v]) => `${k}: ${v.slice(0, 40)}`);
    const what = [...(host === actor.host ? [] : [`host: ${host.slice(0, 40)}`]), ...changed].join("; ");
    return fire({ method: route.method, path, host, headers, body }, `hostile header (${what}) as ${role} of ${actor.key}`, isApi(route));
  }

  /**
   * Every date a page, form or API takes, once with each impossible or extreme date, as the two roles
   * that reach most handlers: the kind of input that made a page loop forever must be met every run.
   */
  function dateSweep(routes: Route[]): (() => Promise<Finding[]>)[] {
    const world = stage.probe.world.alfa;
    const out: (() => Promise<Finding[]>)[] = [];
    const isDate = (name: string) => DATE_FIELD.test(name);
    for (const role of ["tenantAdmin", "associationAdmin"] as const) {
      const browser = browserOf(stage, world, role);
      for (const route of routes) {
        const fill = FILL[route.key] as Fill;
        const params = fill.params?.(world) ?? {};
        if (route.method === "GET" && !isApi(route)) {
          const query = fill.query?.(world) ?? {};
          for (const key of Object.keys(query).filter(isDate))
            for (const d of SWEEP_DATES)
              out.push(() =>
                fire(
                  { method: "GET", path: pathFor(route, params, { ...query, [key]: d }), host: world.host, headers: headersOf(browser) },
                  `date sweep as ${role}`,
                  false,
                ),
              );
        } else if (route.method === "POST" && !isApi(route)) {
          const form = fill.form?.(world) ?? {};
          for (const key of [...new Set([...fieldsOf(fill.schema), ...Object.keys(form)])].filter(isDate))
            for (const d of SWEEP_DATES) {
              const body = urlencoded({ _csrf: browser.csrf, ...form, [key]: d });
              const headers = headersOf(browser, { "content-type": "application/x-www-form-urlencoded" });
              out.push(() => fire({ method: "POST", path: pathFor(route, params), host: world.host, headers, body }, `date sweep as ${role}`, false));
            }
        }
      }
      for (const op of operations) {
        const route: Route = { method: op.method, path: op.path.replace(/\{(\w+)\}/g, ":$1"), key: "" };
        const fill = FILL[`${op.method} ${route.path}`];
        const query = fill?.query?.(world) ?? {};
        for (const p of op.params.filter((x) => x.in === "query" && (isDate(x.name) || x.schema?.format === "date")))
          for (const d of SWEEP_DATES) {
            const path = pathFor(route, fill?.params?.(world) ?? {}, { ...query, [p.name]: d });
            out.push(() => fire({ method: op.method, path, host: world.host, headers: { authorization: `Bearer ${world.apiSecret}` } }, "date sweep", true));
          }
      }
    }
    return out;
  }

  /** Every route once on a host name no tenant has, as a scanner would send it. */
  function unknownHostSweep(routes: Route[]): (() => Promise<Finding[]>)[] {
    const world = stage.probe.world.alfa;
    return routes.map((route) => () => {
      const fill = FILL[route.key] as Fill;
      const path = pathFor(route, fill.params?.(world) ?? {}, fill.query?.(world) ?? {});
      const post = route.method !== "GET";
      const headers: Record<string, string> = post ? { "content-type": isApi(route) ? "application/json" : "application/x-www-form-urlencoded" } : {};
      const body = post ? (isApi(route) ? JSON.stringify(fill.json?.(world) ?? {}) : urlencoded(fill.form?.(world) ?? {})) : undefined;
      return fire({ method: route.method, path, host: "unknown.example", headers, body }, "unknown host", isApi(route));
    });
  }

  it(`answers ${COUNT} generated requests without a 5xx or a hang, and the API's 4xx as problem+json`, async () => {
    const r = rng(SEED);
    const routes = stage.probe.routes.filter((route) => FILL[route.key]);
    const forms = routes.filter((route) => route.method === "POST" && !isApi(route));
    const pages = routes.filter((route) => route.method === "GET" && !isApi(route) && (FILL[route.key]?.query || FILL[route.key]?.params));
    const posts = routes.filter((route) => route.method === "POST");
    const findings: Finding[] = [];
    const sweep = [...dateSweep(routes), ...unknownHostSweep(routes)];
    for (const request of sweep) findings.push(...(await request()));
    for (let i = sweep.length; i < COUNT || i < sweep.length + 1000; i++) {
      const roll = r.next();
      if (roll < 0.4) findings.push(...(await apiRequest(r)));
      else if (roll < 0.72) findings.push(...(await formRequest(r, forms)));
      else if (roll < 0.87) findings.push(...(await pageRequest(r, pages)));
      else if (roll < 0.95) findings.push(...(await malformedRequest(r, posts)));
      else findings.push(...(await hostileHeaderRequest(r, routes)));
    }
    all.push(...findings);
    expect(sent).toBeGreaterThanOrEqual(2000);
    expect(findings.length, report(`Fuzz (seed ${SEED})`, findings)).toBe(0);
  }, 600_000);
});
