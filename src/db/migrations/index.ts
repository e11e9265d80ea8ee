import type { Migration } from "kysely";
import * as house from "./20261122_0001_house.js";
import * as opportunities from "./20261122_0002_opportunities.js";

export const migrations: Record<string, Migration> = {
  "20261122_0001_house": house,
  "20261122_0002_opportunities": opportunities,
};
