import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { z } from "zod";
import { parseKey } from "./platform/crypto/sealed.js";

const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

/** Every setting Sammen reads. A test holds the README's settings table to these descriptions. */
export const settings = {
  PORT: { schema: z.coerce.number().int().min(0).max(65535).default(3000), doc: "Port the web server listens on" },
  HOST: { schema: z.string().default("127.0.0.1"), doc: "Address the web server binds to (0.0.0.0 to accept outside connections)" },
  DATABASE_URL: {
    schema: z.string().startsWith("postgres").optional(),
    doc: "PostgreSQL connection string; when unset Sammen uses the embedded SQLite file",
  },
  SQLITE_FILE: { schema: z.string().default("data/sammen.sqlite"), doc: "SQLite database file (ignored when DATABASE_URL is set)" },
  SECRET: {
    schema: z.string().min(32).optional(),
    doc: "At least 32 random characters; signs CSRF tokens, reply links and sign-in state cookies. Required when NODE_ENV=production; otherwise one is made and kept in the data folder",
  },
  DATA_KEY: {
    schema: z
      .string()
      .refine((k) => parseKey(k) !== null, "must be 32 random bytes in base64 or hex (openssl rand -base64 32)")
      .optional(),
    doc: "32 random bytes in base64 or hex; encrypts needs, consent notes and application texts in the database. Required when NODE_ENV=production; otherwise one is made and kept in the data folder",
  },
  DATA_KEYS_OLD: {
    schema: z
      .string()
      .default("")
      .transform((s) =>
        s
          .split(",")
          .map((k) => k.trim())
          .filter(Boolean),
      )
      .refine((keys) => keys.every((k) => parseKey(k) !== null), "must be earlier DATA_KEYs, comma-separated"),
    doc: "Earlier DATA_KEYs, comma-separated: still read after a change of key until npm run reseal has re-encrypted everything with DATA_KEY",
  },
  NODE_ENV: { schema: z.enum(["development", "production", "test"]).default("development"), doc: "development, test or production" },
  SMTP_URL: {
    schema: z.string().startsWith("smtp").optional(),
    doc: "SMTP server, e.g. smtps://user:pass@mail.example.org:465; when unset, mail is kept in the dev mailbox at /dev/mailbox",
  },
  MAIL_FROM: { schema: z.string().default("Sammen <no-reply@sammen.local>"), doc: "Sender address of every e-mail" },
  LOG_LEVEL: { schema: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"), doc: "pino log level" },
  SESSION_IDLE_MINUTES: { schema: z.coerce.number().int().positive().default(120), doc: "A session ends after this many minutes without use" },
  SESSION_ABSOLUTE_HOURS: {
    schema: z.coerce
      .number()
      .int()
      .positive()
      .default(24 * 7),
    doc: "A session ends this many hours after sign-in, used or not",
  },
  BODY_LIMIT_KB: {
    schema: z.coerce.number().int().positive().default(256),
    doc: "Largest request body accepted, in KiB; a form that uploads a picture takes what its own file limit needs",
  },
  RATE_LIMIT_PER_15_MIN: {
    schema: z.coerce.number().int().positive().default(10),
    doc: "Attempts per address, and per account or inbox, in 15 minutes for sign-in, sign-up, password reset and applications",
  },
  TRUST_PROXY: {
    schema: bool.default(false),
    doc: "Behind a load balancer: read HTTPS from X-Forwarded-Proto and the client address from X-Forwarded-For (see PROXY_HOPS)",
  },
  PROXY_HOPS: {
    schema: z.coerce.number().int().min(1).max(10).default(1),
    doc: "How many trusted proxies add to X-Forwarded-For; the client address is the one the outermost of them added",
  },
  SHUTDOWN_DRAIN_SECONDS: {
    schema: z.coerce.number().min(0).max(120).default(5),
    doc: "On SIGTERM, seconds to keep serving while /readyz answers 503, so the load balancer stops sending before the server closes",
  },
  RUN_WORKERS: { schema: bool.default(true), doc: "Run the job and mail workers in this instance" },
  SEED_DEMO: {
    schema: bool.optional(),
    doc: "Create the demo tenant and demo people when the database is empty; never in production unless set to true",
  },
  OIDC_SECRETS: {
    schema: z
      .string()
      .default("{}")
      .transform((s, ctx) => {
        try {
          return z.record(z.string(), z.string()).parse(JSON.parse(s));
        } catch {
          ctx.addIssue({ code: "custom", message: "must be a JSON object of secret name to client secret" });
          return z.NEVER;
        }
      }),
    doc: 'JSON object mapping the secret name a tenant\'s OpenID Connect provider refers to, to its client secret, e.g. {"aarhus-ad":"…"}',
  },
} as const;

type Settings = typeof settings;
const schema = z.object(Object.fromEntries(Object.entries(settings).map(([k, v]) => [k, v.schema])) as { [K in keyof Settings]: Settings[K]["schema"] });
export type Config = Readonly<Omit<z.output<typeof schema>, "SEED_DEMO"> & { SEED_DEMO: boolean; secret: string; dataKey: string }>;

const LOOPBACK = new Set(["127.0.0.1", "::1", "localhost"]);
export const isLoopback = (address: string) => LOOPBACK.has(address) || address.startsWith("127.") || address === "::ffff:127.0.0.1";

/**
 * Outside production a missing SECRET or DATA_KEY is made once and kept beside the data, so signed
 * links and sealed fields survive a restart and no two installations share one.
 */
function keptSecret(folder: string, name: "secret" | "data-key"): string {
  const file = join(folder, name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  mkdirSync(folder, { recursive: true });
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(Object.keys(settings).map((k) => [k, env[k] === "" ? undefined : env[k]]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const c = parsed.data;
  const problems: string[] = [];
  if (c.NODE_ENV === "production") for (const k of ["SECRET", "DATA_KEY"] as const) if (!c[k]) problems.push(`${k}: required in production`);
  // Without SMTP every e-mail, sign-in links included, waits in the dev mailbox: only this machine may reach it.
  if (!c.SMTP_URL && !isLoopback(c.HOST)) problems.push(`HOST: ${c.HOST} is reachable from other machines; set SMTP_URL first`);
  if (problems.length) throw new Error(`Invalid configuration:\n${problems.map((p) => `  ${p}`).join("\n")}`);
  return Object.freeze({
    ...c,
    SEED_DEMO: c.SEED_DEMO ?? c.NODE_ENV !== "production",
    secret: c.SECRET ?? keptSecret(dirname(c.SQLITE_FILE), "secret"),
    dataKey: c.DATA_KEY ?? keptSecret(dirname(c.SQLITE_FILE), "data-key"),
  });
}
