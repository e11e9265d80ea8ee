import type { Config } from "../../config.js";
import { type Keyring, keyring, parseKey } from "./sealed.js";

type KeyConfig = Pick<Config, "dataKey" | "DATA_KEYS_OLD">;

const rings = new WeakMap<KeyConfig, Keyring>();

/**
 * The keys that seal and open special-category fields: DATA_KEY (or, outside production, the key kept
 * in the data folder) seals, it and DATA_KEYS_OLD open. The configuration has checked them.
 */
export function dataKeyring(config: KeyConfig): Keyring {
  const known = rings.get(config);
  if (known) return known;
  const current = parseKey(config.dataKey);
  if (!current) throw new Error("DATA_KEY: must be 32 random bytes in base64 or hex");
  const ring = keyring(
    current,
    config.DATA_KEYS_OLD.map((k) => parseKey(k) as Buffer),
  );
  rings.set(config, ring);
  return ring;
}
