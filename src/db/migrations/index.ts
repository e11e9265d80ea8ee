import type { Migration } from "kysely";
import * as house from "./20261122_0001_house.js";

export const migrations: Record<string, Migration> = {
  "20261122_0001_house": house,
};
