import type { Hono } from "hono";
import type { Api } from "./api/api.js";
import type { Actor } from "./auth/policy.js";
import type { SealedField } from "./crypto/reseal.js";
import type { AppEnv } from "./http/env.js";
import type { MessageKey } from "./i18n/i18n.js";
import type { JobDeps, JobSet } from "./jobs/house-jobs.js";
import type { PersonalDataSource } from "./privacy/data-subject.js";
import type { NavGroup } from "./ui/nav.js";

export interface NavEntry {
  href: string;
  label: MessageKey;
  /** Where it sits in the menu: the public menu, the person's own, or what they do (see ui/nav.ts). */
  group: NavGroup;
  /** The module's policy, asked for the person looking at the page. */
  visible: (actor: Actor) => boolean;
}

/**
 * What a module hands the app: where its pages live, its menu entries, its API, its scheduled jobs,
 * and the data it holds about people (for a person's download and erasure, and for re-sealing).
 */
export interface ModuleDefinition {
  name: string;
  mounts: { path: string; routes: Hono<AppEnv> }[];
  nav?: NavEntry[];
  /** Confirmations its redirects name in the query string (?notice=…). */
  notices?: Record<string, MessageKey>;
  api?: (api: Api) => void;
  jobs?: (deps: JobDeps) => JobSet;
  personalData?: PersonalDataSource;
  sealedFields?: SealedField[];
  /** Columns that look as if they named a person but do not, each with the reason. */
  notAPerson?: Record<string, string>;
}
