// `npm run first-admin -- --host frivillig.sonderby.dk --name "Frivillig Sønderby" --email anne@sonderby.dk [--country DK] [--default]`
import { parseArgs } from "node:util";
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { systemClock } from "../src/platform/clock.js";
import { COUNTRY_CODES, isCountry } from "../src/platform/tenants/countries.js";
import { createFirstAdmin } from "./tenant-setup.js";

const { values } = parseArgs({
  options: {
    host: { type: "string" },
    name: { type: "string" },
    email: { type: "string" },
    country: { type: "string", default: "DK" },
    default: { type: "boolean", default: false },
  },
});
const country = values.country?.toUpperCase();
if (!values.host || !values.name || !values.email?.includes("@") || !isCountry(country)) {
  console.error(
    `Usage: npm run first-admin -- --host <host name> --name "<tenant name>" --email <administrator e-mail> [--country ${COUNTRY_CODES.join("|")}] [--default]`,
  );
  process.exit(2);
}
const config = loadConfig();
const { db } = openDatabase(config);
try {
  await migrateToLatest(db);
  const { link } = await createFirstAdmin(db, systemClock, config.PORT, {
    host: values.host,
    name: values.name,
    email: values.email,
    country,
    isDefault: values.default ?? false,
  });
  console.log(
    `Tenant ${values.name} is ready on ${values.host}.\nGive ${values.email} this link to choose a password (it works once, for 7 days):\n\n  ${link}\n`,
  );
} catch (error) {
  console.error((error as Error).message);
  process.exitCode = 1;
} finally {
  await db.destroy();
}
