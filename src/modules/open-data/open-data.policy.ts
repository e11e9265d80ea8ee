import type { Actor } from "../../platform/auth/policy.js";

/**
 * Open data has no rules of its own: the feeds, the embed, the HSDS API and the page that explains
 * them are for everyone, signed in or not, from anywhere. What they show is only what the owning
 * modules already publish (published, not expired, not hidden).
 */
export const mayReadOpenData = (_actor: Actor): boolean => true;
