import { isPerson } from "../../platform/auth/policy.js";
import { translator } from "../../platform/i18n/i18n.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { mySavedSearches } from "./saved-searches.js";

/** The person's saved searches, each a link that runs it again. */
export async function waitingInSearch(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!isPerson(ctx.actor)) return [];
  const t = translator(ctx.lang);
  const saved = await mySavedSearches(ctx);
  return [
    {
      group: "mine",
      label: "start.savedSearches",
      count: saved.length,
      href: "/search/saved",
      examples: saved.slice(0, 3).map((s) => ({
        text: new URLSearchParams(s.query).get("q") || t("saved.everything"),
        href: `/search?${s.query}`,
        note: t(s.frequency === "daily" ? "saved.daily" : "saved.weekly"),
      })),
    },
  ];
}
