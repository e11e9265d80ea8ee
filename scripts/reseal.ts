// Re-encrypts every sealed field with DATA_KEY: run after a change of key, with the earlier key in
// DATA_KEYS_OLD, then remove it from DATA_KEYS_OLD. Safe to run while Sammen runs, and to run again.
import { loadConfig } from "../src/config.js";
import { openDatabase } from "../src/db/database.js";
import { migrateToLatest } from "../src/db/migrate.js";
import { sealedFields } from "../src/modules/personal-data.js";
import { dataKeyring } from "../src/platform/crypto/data-key.js";
import { reseal } from "../src/platform/crypto/reseal.js";

const config = loadConfig();
const { db } = openDatabase(config);
await migrateToLatest(db);
const ring = dataKeyring(config);
const changed = await reseal(db, ring, sealedFields(), { rotate: true });
for (const [field, n] of Object.entries(changed)) console.log(`${field}: ${n} re-sealed`);
console.log(`Everything is sealed with key ${ring.currentId}; earlier keys may now leave DATA_KEYS_OLD.`);
await db.destroy();
