// The route table on PostgreSQL, for the part where the two databases differ most (foreign keys,
// types, constraint errors): every write from one tenant naming the other's records, by the roles
// that may write the most. The directions mirror each other, so one is enough here.
import { dialects } from "../harness.js";
import { DIRECTIONS, describeMatrix } from "./matrix.js";

describeMatrix(
  "postgres",
  { directions: DIRECTIONS.filter((d) => d.actor === "alfa" && d.ids === "bravo"), roles: ["associationAdmin", "tenantAdmin"], writesOnly: true },
  { skip: !dialects().includes("postgres") },
);
