import { isPerson } from "../../platform/auth/policy.js";
import type { WaitingItem } from "../../platform/modules.js";
import type { ServiceContext } from "../../platform/service-context.js";
import { myMatches } from "./matching.service.js";

/** The three best suggestions for the person, or the way to a profile when they have none. */
export async function waitingInMatching(ctx: ServiceContext): Promise<WaitingItem[]> {
  if (!isPerson(ctx.actor)) return [];
  const matches = await myMatches(ctx);
  if (matches === null) return [{ group: "mine", label: "start.noProfile", count: 0, href: "/matching/profile" }];
  return [
    {
      group: "mine",
      label: "start.suggestions",
      count: matches.length,
      href: "/matching",
      examples: matches.slice(0, 3).map((m) => ({ text: m.doc.title, href: m.doc.url, note: m.doc.subtitle })),
    },
  ];
}
