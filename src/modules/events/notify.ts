// A stand-in until the lead's notify.ts lands on main (same signature); take main's version on merge.
import type { ServiceContext } from "../../platform/service-context.js";
import type { CommunityEvent } from "./events.model.js";

/** Mails everyone registered and waiting that the event changed or was cancelled. */
export async function tellEveryone(_tx: ServiceContext, _event: CommunityEvent, _what: "changed" | "cancelled"): Promise<void> {}
