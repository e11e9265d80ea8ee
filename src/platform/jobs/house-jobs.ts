import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import { purgeRateLimits } from "../auth/rate-limit.js";
import { purgeExpired } from "../auth/sessions.js";
import type { Clock } from "../clock.js";
import type { Mailer } from "../mail/mailer.js";
import { SEND_MAIL_JOB, sendMailHandler } from "../mail/outbox.js";
import { refreshSnapshots } from "../search/snapshots.js";
import type { JobHandler, Schedule } from "./worker.js";

export interface JobDeps {
  db: Database;
  clock: Clock;
  config: Config;
  mailer: Mailer;
}
export interface JobSet {
  handlers: Record<string, JobHandler>;
  schedules: Schedule[];
}

export function houseJobs(deps: JobDeps): JobSet {
  const { db, clock, config, mailer } = deps;
  return {
    handlers: {
      [SEND_MAIL_JOB]: sendMailHandler(db, clock, mailer),
      "sessions.purge": () => purgeExpired(db, clock, config),
      "rate_limits.purge": () => purgeRateLimits(db, clock),
      "search.snapshots": () => refreshSnapshots(db, clock),
    },
    schedules: [
      { name: "sessions.purge", everyMs: 3600_000 },
      { name: "rate_limits.purge", everyMs: 3600_000 },
      { name: "search.snapshots", everyMs: 300_000 },
    ],
  };
}
