import { z } from "zod";

const bool = z.enum(["true", "false", "1", "0", "yes", "no"]).transform((v) => v === "true" || v === "1" || v === "yes");

const DEV_SECRET = "sammen-development-secret-do-not-use-in-production";

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
    doc: "At least 32 random characters; signs CSRF tokens and sign-in state cookies. Required when NODE_ENV=production",
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
  BODY_LIMIT_KB: { schema: z.coerce.number().int().positive().default(256), doc: "Largest request body accepted, in KiB" },
  RATE_LIMIT_PER_15_MIN: {
    schema: z.coerce.number().int().positive().default(10),
    doc: "Attempts per address and per account in 15 minutes for sign-in, sign-up and password reset",
  },
  TRUST_PROXY: { schema: bool.default(false), doc: "Read the client address from X-Forwarded-For (set when behind a load balancer)" },
  RUN_WORKERS: { schema: bool.default(true), doc: "Run the job and mail workers in this instance" },
  SEED_DEMO: { schema: bool.default(true), doc: "Create the demo tenant and demo people when the database is empty" },
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
export type Config = Readonly<z.output<typeof schema> & { secret: string }>;

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const input = Object.fromEntries(Object.keys(settings).map((k) => [k, env[k] === "" ? undefined : env[k]]));
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join(".")}: ${i.message}`).join("\n");
    throw new Error(`Invalid configuration:\n${lines}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === "production" && !c.SECRET) throw new Error("Invalid configuration:\n  SECRET: required in production");
  return Object.freeze({ ...c, secret: c.SECRET ?? DEV_SECRET });
}
