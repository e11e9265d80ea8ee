import type { Priority, RoundStatus } from "./rounds.model.js";

export const PRIORITY_KEYS = { 1: "round.priority.1", 2: "round.priority.2", 3: "round.priority.3" } as const satisfies Record<Priority, string>;
export const STATUS_KEYS = {
  open: "round.status.open",
  allocating: "round.status.allocating",
  published: "round.status.published",
} as const satisfies Record<RoundStatus, string>;
