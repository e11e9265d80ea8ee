// Seeded randomness and the values an attacker or a broken client sends.
import type { z } from "zod";
import type { Fields } from "./client.js";
import type { Fill } from "./routes.js";
import { type TenantWorld, tinyPng } from "./world.js";

/** mulberry32: small, fast and the same on every machine for the same seed. */
export function rng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    chance: (p: number) => next() < p,
    int: (max: number) => Math.floor(next() * max),
    pick<T>(list: readonly T[]): T {
      return list[Math.floor(next() * list.length)] as T;
    },
    uuid() {
      const hex = Array.from({ length: 32 }, () => Math.floor(next() * 16).toString(16)).join("");
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-7${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20)}`;
    },
  };
}
export type Rng = ReturnType<typeof rng>;

export const DATES = [
  "2026-02-30",
  "2026-02-29",
  "2027-04-31",
  "9999-12-31",
  "0000-01-01",
  "0001-01-01",
  "2026-13-01",
  "2026-00-10",
  "+275760-09-13",
  "-000001-01-01",
  "2026-2-3",
  "20261201",
  "2026-12-01T18:00:00Z",
  "1900-02-29",
];
export const TIMES = ["24:00", "23:60", "99:99", "7:5", "-01:00", "18:00:00", "18.00", "00:00", "23:59"];
export const NUMBERS = [
  "0",
  "-1",
  "-2147483649",
  "2147483648",
  "9007199254740993",
  "1e309",
  "NaN",
  "Infinity",
  "-0",
  "1.5",
  "0x1F",
  "1e3",
  "99999999999999999999999",
];
export const TEXTS = [
  "",
  " ",
  "\u0000",
  "ÆØÅ æøå 😀 \u202E\u200B",
  "\uD800",
  "' OR '1'='1",
  "1; DROP TABLE users; --",
  "<script>alert(1)</script>",
  '"><img src=x onerror=alert(1)>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a template-injection payload, sent as it is
  "{{7*7}}${7*7}",
  "../../../../etc/passwd",
  "%00%0d%0a",
  "a\r\nSet-Cookie: x=1",
  "javascript:alert(1)",
  "//evil.example",
  "/\t/evil.example",
  "null",
  "true",
  "[]",
  "{}",
  "__proto__",
  "constructor",
];
/** Long texts; the longest only in bodies, since a URL over 16 KB is refused by Node's HTTP parser before the app sees it. */
const LONG = [300, 5000, 70_000];

/** Ids that lead nowhere or somewhere they should not: unknown, malformed, and the given ones (the other tenant's). */
export function hostileId(r: Rng, known: string[]): string {
  return r.pick([
    () => r.uuid(),
    () => "00000000-0000-0000-0000-000000000000",
    () => r.pick(known),
    () => r.pick(known),
    () => r.pick(["1", "-1", "0", "%2e%2e", "..", "a".repeat(300), "' OR 1=1 --", "<x>", "null"]),
  ])();
}

/** One hostile string: a bad date or time, an odd number, a payload, a long text, or an id. */
export function hostileText(r: Rng, known: string[], hint = "", where: "body" | "url" = "body"): string {
  if (/date|from|to$|until|week|day|since/i.test(hint) && r.chance(0.6)) return r.pick(DATES);
  if (/start|end|time|opens|closes|window/i.test(hint) && r.chance(0.5)) return r.pick(TIMES);
  if (/id$|^ids$|association|premise|citizen|parent/i.test(hint) && r.chance(0.5)) return hostileId(r, known);
  return r.pick([
    () => r.pick(DATES),
    () => r.pick(TIMES),
    () => r.pick(NUMBERS),
    () => r.pick(TEXTS),
    () => r.pick(TEXTS),
    () => "x".repeat(r.pick(where === "url" ? [300, 2000] : LONG)),
    () => hostileId(r, known),
  ])();
}

/** A hostile JSON value of any type, for API bodies. */
export function hostileJson(r: Rng, known: string[], depth = 0): unknown {
  return r.pick([
    () => hostileText(r, known),
    () => hostileText(r, known),
    () => Number(r.pick(NUMBERS)) || r.pick([0, -1, 1e308, -1e308, 2 ** 53 + 1, 0.1]),
    () => r.chance(0.5),
    () => null,
    () => (depth > 1 ? [] : [hostileJson(r, known, depth + 1), hostileJson(r, known, depth + 1)]),
    () => (depth > 1 ? {} : { x: hostileJson(r, known, depth + 1), ["__proto__"]: { admin: true } }),
  ])();
}

/** The field names a Zod form schema reads, through refinements, transforms and pipes. */
export function fieldsOf(schema: z.ZodType | null | undefined): string[] {
  let s = schema as unknown as { shape?: Record<string, unknown>; def?: { in?: unknown; innerType?: unknown; schema?: unknown } } | null | undefined;
  for (let i = 0; i < 10 && s && !s.shape; i++) s = (s.def?.in ?? s.def?.innerType ?? s.def?.schema) as typeof s;
  return s?.shape ? Object.keys(s.shape) : [];
}

/** A page's query with most values made hostile, some repeated, sometimes one more. */
export function hostileQuery(r: Rng, known: string[], base: Fields): Fields {
  const out: Fields = {};
  for (const [k, v] of Object.entries(base)) {
    if (r.chance(0.35)) out[k] = v;
    else if (r.chance(0.8)) out[k] = hostileText(r, known, k, "url");
    else out[k] = [hostileText(r, known, k, "url"), hostileText(r, known, k, "url")];
  }
  if (r.chance(0.2)) out[r.pick(["page", "q", "from", "to", "date", "week", "next", "back"])] = hostileText(r, known, "from", "url");
  return out;
}

/** The path parameters, now and then one of them an id that leads nowhere or elsewhere. */
export function hostileParams(r: Rng, known: string[], params: Record<string, string>): Record<string, string> {
  if (!r.chance(0.3)) return params;
  const names = Object.keys(params);
  if (names.length === 0) return params;
  return { ...params, [r.pick(names)]: hostileId(r, known) };
}

/** A form route's valid form with one to three fields made hostile, some as repeated fields or left out. */
export function hostileForm(r: Rng, known: string[], fill: Fill, w: TenantWorld): Fields {
  const form: Fields = { ...(fill.form?.(w) ?? {}) };
  const names = [...new Set([...fieldsOf(fill.schema), ...Object.keys(form)])];
  if (names.length === 0) names.push("x");
  for (let n = 1 + r.int(3); n > 0; n--) {
    const name = r.pick(names);
    const roll = r.next();
    if (roll < 0.65) form[name] = hostileText(r, known, name);
    else if (roll < 0.85) form[name] = [hostileText(r, known, name), hostileText(r, known, name), hostileText(r, known, name)];
    else delete form[name];
  }
  if (r.chance(0.05)) form[r.pick(["__proto__", "constructor", "_csrf", "a[b]", ""])] = hostileText(r, known);
  return form;
}

const HEADER_ONLY_PNG = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 0x10, 0, 0, 0, 0x10, 0]);

/** The file of an upload route: a good one, or empty, header-only, scripted, broken text or bytes. */
export async function hostileFile(r: Rng, fill: Fill, w: TenantWorld) {
  const upload = fill.upload;
  if (!upload) return [];
  const content = r.pick([
    async () => (upload.kind === "png" ? await tinyPng() : new TextEncoder().encode(upload.csv?.(w) ?? "")),
    async () => new Uint8Array(0),
    async () => HEADER_ONLY_PNG,
    async () => new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>'),
    async () => new TextEncoder().encode(`navn;e-mail\n${"\uFEFF;".repeat(50)}\n"unterminated;x\n`),
    async () => new Uint8Array([0xff, 0xfe, 0xfd, 0x00, 0x80]),
  ]);
  const name = r.pick(["probe.png", "probe.csv", "../../etc/passwd", "a".repeat(400), "x.svg", "", 'q"uote.png']);
  const type = r.pick(["image/png", "text/csv", "image/svg+xml", "application/octet-stream", "", "text/html"]);
  return [{ field: upload.field, name, type, content: await content() }];
}

/** Bodies no browser sends: the parsers must answer 4xx, never 5xx. */
export function malformed(r: Rng, csrf: string): { contentType?: string; body: string | Uint8Array; extra?: Record<string, string> } {
  return r.pick([
    () => ({ contentType: "multipart/form-data", body: '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\nb\r\n--x--\r\n' }),
    () => ({ contentType: "multipart/form-data; boundary=", body: "--\r\n\r\n" }),
    () => ({ contentType: "multipart/form-data; boundary=abc", body: `--abc\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrf}` }),
    () => ({ contentType: "multipart/form-data; boundary=abc", body: "--abc\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--abc--\r\n" }),
    () => ({ contentType: "multipart/form-data; boundary=abc", body: "garbage without any boundary" }),
    () => ({ contentType: "application/x-www-form-urlencoded", body: `_csrf=${csrf}&a=%zz&b=%E0%A4%A&%` }),
    () => ({ contentType: "application/x-www-form-urlencoded", body: "%" }),
    () => ({ contentType: "application/x-www-form-urlencoded; charset=utf-16", body: `_csrf=${csrf}&name=x` }),
    () => ({ contentType: "application/x-www-form-urlencoded", body: `_csrf=${csrf}&${"a=b&".repeat(20_000)}` }),
    () => ({ contentType: "application/json", body: '{"_csrf": 1, "name": ["x"]' }),
    () => ({ contentType: "application/json", body: JSON.stringify({ _csrf: csrf, name: { $gt: "" } }) }),
    () => ({ contentType: "text/plain", body: `_csrf=${csrf}` }),
    () => ({ contentType: "application/xml", body: '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>' }),
    () => ({ body: `_csrf=${csrf}&name=x` }),
    () => ({ contentType: "application/x-www-form-urlencoded", body: `_csrf=${csrf}`, extra: { "content-encoding": "gzip" } }),
    () => ({ contentType: "application/x-www-form-urlencoded", body: "x".repeat(300 * 1024) }),
    () => ({ contentType: "application/json", body: "" }),
    () => ({ contentType: "application/json", body: "\u0000\uFFFF" }),
  ])();
}
