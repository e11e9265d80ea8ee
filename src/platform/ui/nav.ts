import type { MessageKey } from "../i18n/i18n.js";

/**
 * Where a menu entry belongs: the public menu (at most five, for everybody), the person's own things,
 * or what they do — for their association, for the centre, with premises, as administrator.
 * "account" is the header's own link ("Min side"), never repeated in the menu.
 */
export const NAV_GROUPS = ["public", "mine", "association", "centre", "premises", "admin", "account"] as const;
export type NavGroup = (typeof NAV_GROUPS)[number];

/** The groups of the menu, in the order they are shown, each with its heading. */
export const MENU_GROUPS: { group: Exclude<NavGroup, "account">; heading: MessageKey }[] = [
  { group: "public", heading: "nav.group.public" },
  { group: "mine", heading: "nav.group.mine" },
  { group: "association", heading: "nav.group.association" },
  { group: "centre", heading: "nav.group.centre" },
  { group: "premises", heading: "nav.group.premises" },
  { group: "admin", heading: "nav.group.admin" },
];

/** The public menu is short enough for a phone and a glance. */
export const PUBLIC_MENU_MAX = 5;

export interface MenuSection<L> {
  group: NavGroup;
  heading: MessageKey;
  links: L[];
}

/** The entries a person may see, as the menu's sections in order, empty sections left out. */
export function menuSections<L extends { group: NavGroup }>(links: L[]): MenuSection<L>[] {
  return MENU_GROUPS.map(({ group, heading }) => ({
    group,
    heading,
    links: links.filter((l) => l.group === group).slice(0, group === "public" ? PUBLIC_MENU_MAX : undefined),
  })).filter((s) => s.links.length > 0);
}

/** Whether a menu link is the page being shown, or the section it belongs to (a job under the job list is not). */
export function isCurrent(href: string, path: string): boolean {
  const target = href.split("?")[0] ?? href;
  return target === path;
}

const ASSOCIATION_PATHS = [/^\/associations\/([^/]+)(?:\/|$)/, /^\/directory\/associations?\/([^/]+)(?:\/|$)/];

/**
 * The association a page is about (its page, its profile, its offers), so the header's switcher shows
 * the one being worked on rather than the one last switched to. Null when the page is about none of
 * the person's associations.
 */
export function associationInView(path: string, query: URLSearchParams, mine: { id: string }[], active: string | null): string | null {
  const ids = new Set(mine.map((a) => a.id));
  for (const pattern of ASSOCIATION_PATHS) {
    const id = pattern.exec(path)?.[1];
    if (id && ids.has(id)) return id;
  }
  const named = query.get("association") ?? query.get("associationId");
  if (named && ids.has(named)) return named;
  return active && ids.has(active) ? active : null;
}
