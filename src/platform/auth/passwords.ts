import { createRequire } from "node:module";
import { hash, verify } from "@node-rs/argon2";
import type { MessageKey } from "../i18n/i18n.js";

// NIST SP 800-63B: a password that is the only factor is at least 15 characters; no composition rules;
// long passphrases allowed; known-common and context-specific passwords rejected.
export const PASSWORD_MIN = 15;
export const PASSWORD_MAX = 256;

// Loaded on first use: the package decompresses its word lists when imported, a noticeable part of a start.
const require = createRequire(import.meta.url);
let commonSet: Set<string> | null = null;
const common = () => {
  if (!commonSet) {
    const { dictionary } = require("@zxcvbn-ts/language-common") as typeof import("@zxcvbn-ts/language-common");
    commonSet = new Set(dictionary["passwords-common"].map((p) => p.toLowerCase()));
  }
  return commonSet;
};

export function passwordProblem(password: string, context: string[] = []): MessageKey | null {
  if ([...password].length < PASSWORD_MIN) return "password.tooShort";
  if (password.length > PASSWORD_MAX) return "password.tooLong";
  const lower = password.toLowerCase();
  if (common().has(lower) || /^(.)\1+$/.test(lower)) return "password.common";
  const squash = (v: string) => v.toLowerCase().replace(/[^\p{L}\p{N}]/gu, "");
  const words = ["sammen", "frivillig", ...context, ...context.flatMap((c) => c.split(/[@\s.]+/))].map(squash).filter((w) => w.length >= 4);
  const candidate = squash(password);
  if (words.some((w) => candidate === w || candidate === w.repeat(2))) return "password.context";
  return null;
}

// argon2id with the OWASP-recommended minimums (19 MiB, 2 passes).
const options = { memoryCost: 19456, timeCost: 2, parallelism: 1 };

let hashed = 0;
/** How many argon2 hashes this process has computed: sign-up must cost the same for a taken e-mail as for a new one. */
export const argon2Hashes = () => hashed;

export function hashPassword(password: string): Promise<string> {
  hashed += 1;
  return hash(password, options);
}

export async function verifyPassword(stored: string | null, password: string): Promise<boolean> {
  // Hash anyway when there is no account, so timing does not reveal which e-mails exist.
  if (!stored) {
    await hashPassword(password);
    return false;
  }
  try {
    return await verify(stored, password);
  } catch {
    return false;
  }
}
