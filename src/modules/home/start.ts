import type { T } from "../../platform/i18n/i18n.js";
import { START_GROUPS, type WaitingItem } from "../../platform/modules.js";
import type { NavLink } from "../../platform/ui/page-context.js";
import type { StartSection } from "./views/start-views.js";

/**
 * The start page's parts in the menu's order: in each, what asks the person to act first, then what
 * only tells, then the menu's links that no card already leads to. A part with nothing is left out.
 * Someone who works here (for an association, the centre, premises) sees that work before their own things.
 */
export function startSections(items: WaitingItem[], nav: NavLink[], t: T): StartSection[] {
  const sections = START_GROUPS.flatMap((group) => {
    const here = items.filter((i) => i.group === group);
    const ordered = [...here.filter((i) => i.toDo && i.count > 0), ...here.filter((i) => !(i.toDo && i.count > 0))];
    const covered = new Set(here.map((i) => i.href.split("?")[0]));
    const links = nav.filter((l) => l.group === group && l.href !== "/start" && !covered.has(l.href)).map((l) => ({ href: l.href, label: t(l.label) }));
    return ordered.length > 0 || links.length > 0 ? [{ group, items: ordered, links }] : [];
  });
  const works = sections.some((s) => s.group !== "mine" && s.items.length > 0);
  return works ? [...sections.filter((s) => s.group !== "mine"), ...sections.filter((s) => s.group === "mine")] : sections;
}
