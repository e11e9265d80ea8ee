// Seeded randomness and the values an attacker or a broken client sends.
import type { z } from "zod";

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
