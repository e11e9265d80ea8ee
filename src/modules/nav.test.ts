import { describe, expect, it } from "vitest";
import { actors } from "../../test/policy-actors.js";
import type { Actor } from "../platform/auth/policy.js";
import { associationInView, isCurrent, menuSections, PUBLIC_MENU_MAX } from "../platform/ui/nav.js";
import { modules } from "./index.js";

/** The menu a person sees: each section's heading key with the paths of its links. */
function menuOf(actor: Actor): Record<string, string[]> {
  const visible = modules.flatMap((m) => m.nav ?? []).filter((n) => n.visible(actor));
  return Object.fromEntries(menuSections(visible).map((s) => [s.group, s.links.map((l) => l.href)]));
}

describe("the menu by role", () => {
  it("gives everybody a short public menu in which no two entries lead to the same page", () => {
    const menu = menuOf(actors.anonymous);
    expect(Object.keys(menu)).toEqual(["public"]);
    expect(menu.public).toEqual(["/", "/search", "/events", "/opportunities", "/premises"]);
    expect(menu.public?.length).toBeLessThanOrEqual(PUBLIC_MENU_MAX);
    const pages = (menu.public ?? []).map((href) => href.replace(/\?.*$/, ""));
    expect(new Set(pages).size).toBe(pages.length);
  });

  it("gives a citizen their own things next to the public menu, with the start page first and no account entry", () => {
    const menu = menuOf(actors.citizen);
    expect(Object.keys(menu)).toEqual(["public", "mine", "association"]);
    expect(menu.mine?.[0]).toBe("/start");
    expect(menu.mine).toContain("/applications/mine");
    expect(Object.values(menu).flat()).not.toContain("/account");
  });

  it("groups what staff do for the centre, apart from premises and administration", () => {
    const menu = menuOf(actors.staff);
    expect(menu.centre).toEqual(
      expect.arrayContaining(["/opportunities/moderation", "/directory/moderation", "/opportunities/waiting", "/opportunities/figures", "/matching/staff"]),
    );
    expect(menu.admin).toEqual(["/people", "/admin/audit"]);
    expect(menu.premises).toEqual(expect.arrayContaining(["/premises/requests", "/premises/usage", "/premises/manage"]));
    // Each link once: "Min side" and the rest never twice.
    const all = Object.values(menu).flat();
    expect(new Set(all).size).toBe(all.length);
  });

  it("gives an association's board its bookings and a caseworker the rounds and agreements, each under premises, the association or the centre", () => {
    expect(menuOf(actors.associationAdmin).association).toEqual(expect.arrayContaining(["/associations", "/premises/bookings"]));
    expect(menuOf(actors.associationAdmin).premises).toEqual(["/premises/rounds"]);
    expect(menuOf(actors.caseworker).premises).toEqual(expect.arrayContaining(["/premises/rounds", "/premises/requests"]));
    expect(menuOf(actors.caseworker).centre).toEqual(["/grants/rounds", "/agreements/manage"]);
  });

  it("gives the tenant's administrator the settings and the search words", () => {
    expect(menuOf(actors.tenantAdmin).admin).toEqual(expect.arrayContaining(["/admin/settings", "/search/synonyms", "/admin/audit"]));
  });

  it("marks the page shown, not the pages under it", () => {
    expect(isCurrent("/opportunities", "/opportunities")).toBe(true);
    expect(isCurrent("/opportunities", "/opportunities/moderation")).toBe(false);
    expect(isCurrent("/search?kind=offer", "/search")).toBe(true);
  });
});

describe("the association being worked on", () => {
  const mine = [{ id: "lektie" }, { id: "gaa" }];
  const none = new URLSearchParams();
  it("is the one the page is about when the person belongs to it, whatever they switched to before", () => {
    expect(associationInView("/associations/gaa/edit", none, mine, "lektie")).toBe("gaa");
    expect(associationInView("/associations/gaa", none, mine, "lektie")).toBe("gaa");
    expect(associationInView("/directory/associations/gaa", none, mine, "lektie")).toBe("gaa");
    expect(associationInView("/opportunities/new", new URLSearchParams("association=gaa"), mine, "lektie")).toBe("gaa");
  });
  it("is the one switched to on other pages, and none when that is not the person's", () => {
    expect(associationInView("/premises/bookings", none, mine, "lektie")).toBe("lektie");
    expect(associationInView("/associations/someone-elses", none, mine, "lektie")).toBe("lektie");
    expect(associationInView("/start", none, mine, null)).toBeNull();
    expect(associationInView("/start", none, mine, "gone")).toBeNull();
  });
});
