// The route table: every route of the router × role × the route's ids from the same tenant and from
// the other. No 5xx and no hang anywhere, and nothing of the other tenant shown or changed.
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { DialectName } from "../../src/db/portable.js";
import type { Sent } from "./client.js";
import { Browser, localLocation, multipart, urlencoded } from "./client.js";
import { changedTables, type Finding, leakedNames, publish, report, rowsNaming, serverFault } from "./findings.js";
import { FILL, type Fill, isApi, pathFor, type Route } from "./routes.js";
import type { Snapshot } from "./server.js";
import { openProbe, type Probe } from "./setup.js";
import { type Role, type TenantWorld, tinyPng } from "./world.js";

/** SECURITY_TRACE=1 prints every request of the table with its status. */
const TRACE = process.env.SECURITY_TRACE === "1";

export interface Direction {
  name: string;
  actor: "alfa" | "bravo";
  ids: "alfa" | "bravo";
}
export const ALFA_WITH_BRAVOS: Direction = { name: "alfa with bravo's ids", actor: "alfa", ids: "bravo" };
export const ALFA_WITH_OWN: Direction = { name: "alfa with its own ids", actor: "alfa", ids: "alfa" };
export const DIRECTIONS: Direction[] = [ALFA_WITH_BRAVOS, { name: "bravo with alfa's ids", actor: "bravo", ids: "alfa" }, ALFA_WITH_OWN];

/** The world's records a route's fill-in reads (its ids, tokens and people). */
function recordsUsed(fill: Fill, w: TenantWorld): (keyof TenantWorld)[] {
  const used = new Set<keyof TenantWorld>();
  const spy = new Proxy(w, {
    get(target, key: string) {
      if (!["host", "key", "names", "ids"].includes(key)) used.add(key as keyof TenantWorld);
      return target[key as keyof TenantWorld];
    },
  });
  fill.params?.(spy);
  fill.query?.(spy);
  fill.form?.(spy);
  fill.json?.(spy);
  fill.upload?.csv?.(spy);
  return [...used];
}

/** The same record's reference, pointing nowhere: a fresh id, a key or token no one was given. */
function unknownLike(value: unknown): unknown {
  if (typeof value === "string") return value.endsWith(".ics") ? `${randomUUID()}.ics` : value.startsWith("smn_") ? `smn_${randomUUID()}` : randomUUID();
  if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, unknownLike(v)]));
  return value;
}

/**
 * The ids a request names: all from one tenant. Across tenants also each one alone from the other
 * tenant with the rest the actor's own, so a check on the first id cannot hide a missing check on
 * another; in the actor's own tenant also each one alone unknown, which must be a 404 or 422, not a 500.
 */
function idSets(fill: Fill, actor: TenantWorld, ids: TenantWorld): { label: string; world: TenantWorld }[] {
  const all = [{ label: "", world: ids }];
  const used = recordsUsed(fill, ids);
  if (actor === ids) return [...all, ...used.map((k) => ({ label: ` only ${k} unknown`, world: { ...actor, [k]: unknownLike(actor[k]) } as TenantWorld }))];
  if (used.length < 2) return all;
  return [...all, ...used.map((k) => ({ label: ` only ${k} foreign`, world: { ...actor, [k]: ids[k] } }))];
}

/** A request that names no record is the same whoever's ids were asked for: the actor's own run sends it. */
function coveredByOwnRun(direction: Direction, role: Role, plan: Plan, fill: Fill, ids: TenantWorld) {
  const ownRun = plan.runs.some((r) => r.direction.actor === direction.actor && r.direction.ids === direction.actor && r.roles.includes(role));
  return direction.actor !== direction.ids && ownRun && recordsUsed(fill, ids).length === 0;
}

/**
 * Bridge-building's rules of sight for one answer: whether the role reaches the route as the table says
 * (everyone else a 404; anonymous a 404 or the way to sign in), and whether the answer names the case's person
 * or shows what only its bridge-builder may read. `world` holds the case (the first tenant's).
 */
function bridgeSight(
  fill: Fill,
  role: Role,
  direction: Direction,
  label: string,
  usesRecords: boolean,
  usesRecordsInPath: boolean,
  res: { status: number; headers: Record<string, string | undefined>; body: string },
  world: TenantWorld,
  followed: boolean,
): string[] {
  const out: string[] = [];
  const words = world.bridgeWords;
  const holder = direction.actor === world.key && role === "bridgeBuilder";
  if (words && !holder) {
    const seen = words.secret.filter((w) => res.body.includes(w));
    if (seen.length) out.push(`shows what only the case's bridge-builder may read: ${seen.join(", ")}`);
    const mayName = direction.actor === world.key && (fill.shows ?? []).includes(role);
    if (!mayName && res.body.includes(words.firstName)) out.push(`names the case's person (${words.firstName})`);
  }
  if (!fill.reach || followed || label !== "") return out;
  const own = direction.actor === direction.ids;
  if (!own && !usesRecords) return out;
  const reaches = own && direction.actor === world.key && fill.reach.includes(role);
  const signIn = res.status === 401 || (res.status === 303 && (res.headers.location ?? "").startsWith("/sign-in"));
  if (reaches && (res.status === 404 || res.status === 403 || signIn)) out.push(`should reach the page, got ${res.status}`);
  // Another tenant's record named only in a form field (an e-mail address, a user) is a field that names nobody: a 422.
  const unknownField = !own && !usesRecordsInPath && res.status === 422;
  if (!reaches && res.status !== 404 && !unknownField && !(role === "anonymous" && signIn)) out.push(`should be a 404, got ${res.status}`);
  return out;
}

/**
 * The texts of the actor's own tenant that only some of its roles may see (an internal note, a certificate): any
 * other role's answer showing one is a leak inside the tenant. Text the request itself sent is an echo, not a leak.
 */
function unseen(body: string, role: Role, actor: TenantWorld, sent: string): string[] {
  return actor.sight.filter((s) => !s.seenBy.includes(role) && body.includes(s.text) && !sent.includes(s.text)).map((s) => s.text);
}

/** GETs first, then the writes, then what removes what others use, and last what ends the account or the session. */
const ENDINGS = ["POST /account/delete", "POST /account/sign-out-everywhere", "POST /sign-out"];
const order = (r: Route) => (r.method === "GET" ? 0 : !FILL[r.key]?.late ? 1 : 3 + ENDINGS.indexOf(r.key));

async function requestFor(route: Route, fill: Fill, ids: TenantWorld, browser: Browser, apiToken: string | null): Promise<Sent> {
  const path = pathFor(route, fill.params?.(ids) ?? {}, fill.query?.(ids) ?? {});
  const headers: Record<string, string> = {};
  const cookie = browser.cookieHeader();
  if (cookie) headers.cookie = cookie;
  if (isApi(route) && apiToken) headers.authorization = `Bearer ${apiToken}`;
  if (route.method === "GET") return { method: "GET", path, host: browser.host, headers };
  if (isApi(route)) {
    return {
      method: route.method,
      path,
      host: browser.host,
      headers: { ...headers, "content-type": "application/json" },
      body: JSON.stringify(fill.json?.(ids) ?? {}),
    };
  }
  const fields = { _csrf: browser.csrf, ...(fill.form?.(ids) ?? {}) };
  if (fill.upload) {
    const content = fill.upload.kind === "png" ? await tinyPng() : new TextEncoder().encode(fill.upload.csv?.(ids) ?? "");
    const file = {
      field: fill.upload.field,
      name: fill.upload.kind === "png" ? "probe.png" : "probe.csv",
      type: fill.upload.kind === "png" ? "image/png" : "text/csv",
      content,
    };
    const { body, contentType } = multipart(fields, [file]);
    return { method: route.method, path, host: browser.host, headers: { ...headers, "content-type": contentType }, body };
  }
  return {
    method: route.method,
    path,
    host: browser.host,
    headers: { ...headers, "content-type": "application/x-www-form-urlencoded" },
    body: urlencoded(fields),
  };
}

export interface Plan {
  runs: { direction: Direction; roles: readonly Role[] }[];
  /** Only the routes that write (all but GET). */
  writesOnly: boolean;
}

/** Runs the table on one database, one test per direction and role; the full report goes to .tmp/. */
/**
 * Bridge-building's roles grant nothing outside /bridge: elsewhere such a person is a citizen, whom the
 * walk already tries on every route. They are tried on bridge-building's routes only.
 */
const BRIDGE_ROLES: ReadonlySet<Role> = new Set(["bridgeBuilder", "otherBuilder", "companion", "referrer"]);

export function describeMatrix(dialect: DialectName, plan: Plan) {
  describe(`every route × role × tenant [${dialect}]`, () => {
    let probe: Probe;
    const all: Finding[] = [];
    beforeAll(async () => {
      probe = await openProbe(dialect);
    }, 180_000);
    afterAll(async () => {
      publish(`security-routes-${dialect}.txt`, `Route table [${dialect}]`, all);
      await probe?.close();
    });

    async function probeAs(direction: Direction, role: Role): Promise<Finding[]> {
      const { target, world } = probe;
      const actor = world[direction.actor];
      const ids = world[direction.ids];
      const other = world[direction.actor === "alfa" ? "bravo" : "alfa"];
      const findings: Finding[] = [];
      await target.reset();
      const browser = await new Browser(target.transport, actor.host, role === "anonymous" ? null : actor.sessions[role]).prepare();
      const apiToken = role === "tenantAdmin" ? actor.apiSecret : null;
      const snapshot = async () => {
        const [version, s] = [await target.version(), await target.snapshot([actor.id, other.id])];
        return { version, own: s[actor.id] as Snapshot, other: s[other.id] as Snapshot };
      };
      let before = await snapshot();
      const routes = [...probe.routes]
        .filter((r) => FILL[r.key] && (!plan.writesOnly || r.method !== "GET") && (!BRIDGE_ROLES.has(role) || r.path.startsWith("/bridge")))
        .sort((a, b) => order(a) - order(b));
      const requests = routes
        .filter((route) => !coveredByOwnRun(direction, role, plan, FILL[route.key] as Fill, ids))
        .flatMap((route) => idSets(FILL[route.key] as Fill, actor, ids).map((set) => ({ route, ...set })));
      for (const { route, label, world: chosen } of requests) {
        const fill = FILL[route.key] as Fill;
        const request = await requestFor(route, fill, chosen, browser, apiToken);
        const outcome = await target.send(request);
        if (TRACE) console.log(`${outcome.kind === "response" ? outcome.status : outcome.kind} ${route.key} as ${role}, ${direction.name}${label}`);
        const where = (status: number | string) => `${route.key} as ${role}, ${direction.name}${label} (${request.path}) → ${status}`;
        const fault = await serverFault(target, outcome);
        if (fault) findings.push({ ...fault, where: where(outcome.kind === "response" ? outcome.status : outcome.kind) });
        if (outcome.kind !== "response") {
          // The app was started again on the pristine data.
          before = await snapshot();
          continue;
        }
        const sight = (res: typeof outcome, followed: boolean) =>
          bridgeSight(
            fill,
            role,
            direction,
            label,
            recordsUsed(fill, ids).length > 0,
            recordsUsed({ params: fill.params }, ids).length > 0,
            res,
            world.alfa,
            followed,
          ).map((detail) => ({
            cause: "breaks bridge-building's rules of sight",
            where: where(outcome.status) + (followed ? ", then the page it leads to" : ""),
            detail,
          }));
        findings.push(...sight(outcome, false));
        const sent = `${request.path}\n${typeof request.body === "string" ? request.body : Buffer.from(request.body ?? "").toString()}`;
        const shown = leakedNames(outcome.body, other.names, sent);
        if (shown.length) findings.push({ cause: "shows the other tenant's data", where: where(outcome.status), detail: shown.join(", ") });
        const hidden = unseen(outcome.body, role, actor, sent);
        if (hidden.length)
          findings.push({ cause: "shows this role what only others of its tenant may see", where: where(outcome.status), detail: hidden.join(", ") });
        const next = localLocation(outcome, actor.host);
        if (next) {
          const followed = await target.send({ method: "GET", path: next, host: actor.host, headers: { cookie: browser.cookieHeader() } });
          const fault2 = await serverFault(target, followed);
          if (fault2) findings.push({ ...fault2, where: `${where(outcome.status)}, then GET ${next}` });
          if (followed.kind === "response") {
            findings.push(...sight(followed, true));
            const shownAfter = leakedNames(followed.body, other.names, sent);
            if (shownAfter.length)
              findings.push({ cause: "shows the other tenant's data", where: `${where(outcome.status)}, then GET ${next}`, detail: shownAfter.join(", ") });
            const hiddenAfter = unseen(followed.body, role, actor, sent);
            if (hiddenAfter.length)
              findings.push({
                cause: "shows this role what only others of its tenant may see",
                where: `${where(outcome.status)}, then GET ${next}`,
                detail: hiddenAfter.join(", "),
              });
          }
        }
        if ((await target.version()) === before.version) continue;
        const after = await snapshot();
        const changed = changedTables(before.other, after.other);
        if (changed.length) findings.push({ cause: "changes the other tenant's rows", where: where(outcome.status), detail: changed.join("\n") });
        const naming = rowsNaming(before.own, after.own, other.ids);
        if (naming.length)
          findings.push({ cause: "writes a reference to the other tenant's records", where: where(outcome.status), detail: naming.join("\n") });
        before = after;
        if (changed.length || naming.length) {
          // Later requests must not be blamed for what this one left behind.
          await target.reset();
          before = await snapshot();
        }
      }
      return findings;
    }

    for (const { direction, roles } of plan.runs) {
      for (const role of roles) {
        it(`${direction.name}, as ${role}: no 5xx or hang, nothing of the other tenant shown or changed`, async () => {
          const findings = await probeAs(direction, role);
          all.push(...findings);
          expect(findings.length, report(`${direction.name}, as ${role}`, findings)).toBe(0);
        }, 180_000);
      }
    }
  });
}
