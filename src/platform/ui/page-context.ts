import { createContext, useContext } from "hono/jsx";
import type { Actor } from "../auth/policy.js";
import type { Formats } from "../i18n/format.js";
import type { Lang, MessageKey, T } from "../i18n/i18n.js";
import type { Tenant } from "../tenants/tenants.js";
import type { NavGroup } from "./nav.js";

export interface NavLink {
  href: string;
  label: MessageKey;
  group: NavGroup;
}

export interface PageContext {
  t: T;
  lang: Lang;
  /** Dates, numbers, distances and money in the reader's language and the tenant's zone. */
  fmt: Formats;
  tenant: Tenant;
  actor: Actor;
  csrfToken: string;
  nonce: string;
  path: string;
  /** Where the header's switches send the person back to: this page with its query (a link's token, a search), or home after a form. */
  back: string;
  nav: NavLink[];
  associations: { id: string; name: string }[];
  activeAssociationId: string | null;
  devMailbox: boolean;
  themeVersion: string;
  notice: MessageKey | null;
}

/**
 * Short confirmations shown after a redirect, named in the query string (?notice=…): the platform's
 * own here, a module's in its definition.
 */
export const NOTICES: Record<string, MessageKey> = {
  verified: "notice.verified",
  signedOut: "notice.signedOut",
  signedOutEverywhere: "notice.signedOutEverywhere",
  passwordReset: "notice.passwordReset",
  saved: "notice.saved",
  invited: "notice.invited",
  languageChanged: "notice.languageChanged",
  // What happened to a page sent for approval, and to a change that waits (platform/moderation).
  changePending: "notice.changePending",
  changeWithdrawn: "notice.changeWithdrawn",
  changeApproved: "notice.changeApproved",
  changeRejected: "notice.changeRejected",
  sentBack: "notice.sentBack",
};

export const PageCtx = createContext<PageContext | null>(null);

export function usePage(): PageContext {
  const page = useContext(PageCtx);
  if (!page) throw new Error("usePage outside a page");
  return page;
}
