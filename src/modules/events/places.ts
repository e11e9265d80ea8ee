// A stand-in until the lead's places.ts lands on main (same signature); take main's version on merge.
import type { ServiceContext } from "../../platform/service-context.js";
import type { CommunityEvent } from "./events.model.js";

/** Offers freed places to the waiting list. */
export async function fillFreedPlaces(_tx: ServiceContext, _e: CommunityEvent): Promise<void> {}
