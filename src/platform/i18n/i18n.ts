import { parseAccept } from "hono/utils/accept";
import { IntlMessageFormat } from "intl-messageformat";
import da from "./catalogs/da.json" with { type: "json" };
import en from "./catalogs/en.json" with { type: "json" };
import nb from "./catalogs/nb.json" with { type: "json" };
import nl from "./catalogs/nl.json" with { type: "json" };

export const LANGUAGES = ["da", "nb", "nl", "en"] as const;
export type Lang = (typeof LANGUAGES)[number];
export type MessageKey = keyof typeof da;
export type T = (key: MessageKey, values?: Record<string, string | number>) => string;

export const catalogs: Record<Lang, Record<string, string>> = { da, nb, nl, en };

/** The name of each language in itself, for the language switcher. */
export const languageNames: Record<Lang, string> = { da: "Dansk", nb: "Norsk bokmål", nl: "Nederlands", en: "English" };

const compiled = new Map<string, IntlMessageFormat>();

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGUAGES as readonly string[]).includes(value);
}

export function translator(lang: Lang): T {
  return (key, values) => {
    const id = `${lang}:${key}`;
    let format = compiled.get(id);
    if (!format) {
      const source = catalogs[lang][key] ?? catalogs.da[key];
      if (source === undefined) throw new Error(`Missing message ${key}`);
      format = new IntlMessageFormat(source, lang);
      compiled.set(id, format);
    }
    return String(format.format(values));
  };
}

/** The person's setting, then the cookie, then Accept-Language, then the tenant's default; only enabled languages count. */
export function chooseLanguage(input: {
  enabled: readonly Lang[];
  fallback: Lang;
  userSetting?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Lang {
  const allowed = (v: string | null | undefined): v is Lang => isLang(v) && input.enabled.includes(v);
  if (allowed(input.userSetting)) return input.userSetting;
  if (allowed(input.cookie)) return input.cookie;
  for (const { type, q } of parseAccept(input.acceptLanguage ?? "")) {
    if (type === "*" || q === 0) continue;
    const primary = type.toLowerCase().split("-")[0];
    const mapped = primary === "no" || primary === "nn" ? "nb" : primary;
    if (allowed(mapped)) return mapped;
  }
  return input.fallback;
}
