import type { Hono } from "hono";
import type { Api } from "./api/api.js";
import type { Actor } from "./auth/policy.js";
import type { SealedField } from "./crypto/reseal.js";
import type { AppEnv } from "./http/env.js";
import type { MessageKey } from "./i18n/i18n.js";
import type { JobDeps, JobSet } from "./jobs/house-jobs.js";
import type { PersonalDataSource } from "./privacy/data-subject.js";
import type { ServiceContext } from "./service-context.js";
import type { NavGroup } from "./ui/nav.js";

export interface NavEntry {
  href: string;
  label: MessageKey;
  /** Where it sits in the menu: the public menu, the person's own, or what they do (see ui/nav.ts). */
  group: NavGroup;
  /** The module's policy, asked for the person looking at the page. */
  visible: (actor: Actor) => boolean;
}

/** The parts of a person's start page: their own things, then what they do. */
export const START_GROUPS = ["mine", "association", "centre", "premises", "admin"] as const;
export type StartGroup = (typeof START_GROUPS)[number];

/** One thing on a person's start page: how many wait, in words, and the list where they are dealt with. */
export interface WaitingItem {
  group: StartGroup;
  /** A message with {count}, e.g. "{count, plural, one {# ny ansøger} other {# nye ansøgere}}". */
  label: MessageKey;
  count: number;
  href: string;
  /** A count above 0 asks the person to act (shown first, marked), rather than only telling. */
  toDo?: boolean;
  /** A few of them by name (the newest first), already in the reader's language. */
  examples?: { text: string; href: string; note?: string }[];
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
  /** What waits for this person in the module, for their start page; only what its policy lets them see. */
  waiting?: (ctx: ServiceContext) => Promise<WaitingItem[]>;
}
