import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";

const { db, dialect } = openDatabase(loadConfig());
const applied = await migrateToLatest(db);
console.log(applied.length ? `Applied on ${dialect}: ${applied.join(", ")}` : `The ${dialect} database is up to date.`);
await db.destroy();
