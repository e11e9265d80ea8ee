import type { Logger } from "pino";
import type { Config } from "../../config.js";
import type { Database } from "../../db/database.js";
import type { ApiCaller } from "../api/tokens.js";
import type { Actor } from "../auth/policy.js";
import type { Clock } from "../clock.js";
import type { Lang, T } from "../i18n/i18n.js";
import type { Mailer } from "../mail/mailer.js";
import type { WaitingItem } from "../modules.js";
import type { ServiceContext } from "../service-context.js";
import type { Tenant } from "../tenants/tenants.js";
import type { DrawnPage, ShellLoader } from "./render.js";

export interface Deps {
  config: Config;
  db: Database;
  clock: Clock;
  mailer: Mailer;
  logger: Logger;
}

export interface SessionInfo {
  idHash: string;
  activeAssociationId: string | null;
}

export type AppEnv = {
  Variables: {
    deps: Deps;
    tenant: Tenant;
    /** False when the request's host name is not one of the tenant's: the default tenant answered. */
    hostKnown: boolean;
    lang: Lang;
    t: T;
    actor: Actor;
    session: SessionInfo | null;
    csrfToken: string;
    requestId: string;
    secureHeadersNonce?: string;
    log: Logger;
    /** Navigation and the association switcher for the page shell, from the module registry. */
    shell: ShellLoader;
    /** What waits for the person in every module, for their start page. */
    waiting: (ctx: ServiceContext) => Promise<WaitingItem[]>;
    apiCaller: ApiCaller | null;
    /** Set by page-cache.ts on a page it may keep: takes the page as drawn. */
    keepPage?: (page: DrawnPage) => void;
    /** Set by `noStore`: this answer must not be kept anywhere. */
    noStore?: boolean;
  };
};
