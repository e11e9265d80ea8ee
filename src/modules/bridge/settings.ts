import type { T } from "../../platform/i18n/i18n.js";
import type { ServiceContext } from "../../platform/service-context.js";
import type { BridgeSettings } from "./bridge.model.js";
import { findSettings } from "./settings.repository.js";

export const bridgeSettings = (ctx: Pick<ServiceContext, "db" | "tenant">): Promise<BridgeSettings> => findSettings(ctx.db, ctx.tenant.id);

/** The welcome checklist as the centre wrote it, or the default items in the reader's language. */
export const welcomeItems = (settings: BridgeSettings, t: T): string[] =>
  settings.welcomeItems.length > 0
    ? settings.welcomeItems
    : [t("bridge.welcome.default.door"), t("bridge.welcome.default.firstTime"), t("bridge.welcome.default.contact")];
