import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { systemClock } from "../src/platform/clock.js";
import { dataKeyring } from "../src/platform/crypto/data-key.js";
import { seedDemo } from "./demo-data.js";

const config = loadConfig();
const { db } = openDatabase(config);
await migrateToLatest(db);
const info = await seedDemo(db, systemClock, dataKeyring(config));
console.log(info ? `Demo tenant ready. Password for every demo person: ${info.password}` : "The database already has tenants; nothing seeded.");
await db.destroy();
