import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";

/**
 * Encryption of single text fields with AES-256-GCM: special-category text (needs, consent notes,
 * application texts) is unreadable in the database file and its backups without the data key.
 * A sealed value is `enc1.<key id>.<iv | tag | ciphertext in base64url>`; the key id says which key
 * sealed it, so a new key can be introduced while old values are still read (see Keyring).
 * Why in the app: docs/decisions/0012-special-category-text-sealed-in-the-app.md.
 */
const PREFIX = "enc1";
const IV_BYTES = 12;
const TAG_BYTES = 16;

export interface Keyring {
  /** Seals with this one. */
  readonly currentId: string;
  /** Every key that may have sealed a stored value, the current one included, by id. */
  readonly keys: ReadonlyMap<string, Buffer>;
}

/** A 32-byte key given as base64 or hex (as `openssl rand -base64 32` or `-hex 32` print it), or null. */
export function parseKey(text: string): Buffer | null {
  const trimmed = text.trim();
  const bytes = /^[0-9a-f]{64}$/i.test(trimmed) ? Buffer.from(trimmed, "hex") : Buffer.from(trimmed, "base64");
  return bytes.length === 32 ? bytes : null;
}

/** A short name for a key that reveals nothing about it. */
export const keyId = (key: Buffer): string => createHash("sha256").update("sammen-data-key:").update(key).digest("base64url").slice(0, 8);

export function keyring(current: Buffer, old: Buffer[] = []): Keyring {
  const keys = new Map<string, Buffer>();
  for (const key of [current, ...old]) keys.set(keyId(key), key);
  return { currentId: keyId(current), keys };
}

/**
 * Encrypts text for one field. The field's name is bound to the ciphertext, so a value copied into
 * another field does not open there.
 */
export function seal(ring: Keyring, field: string, text: string): string {
  const key = ring.keys.get(ring.currentId) as Buffer;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from(field));
  const body = Buffer.concat([cipher.update(text, "utf8"), cipher.final()]);
  return `${PREFIX}.${ring.currentId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString("base64url")}`;
}

export const isSealed = (stored: string): boolean => stored.startsWith(`${PREFIX}.`);

/** The key id a sealed value was sealed with, or null for text stored before fields were sealed. */
export function sealedWith(stored: string): string | null {
  return isSealed(stored) ? (stored.split(".")[1] ?? null) : null;
}

export class UnknownDataKey extends Error {
  constructor(id: string) {
    super(`A stored value was sealed with data key ${id}, which is neither DATA_KEY nor in DATA_KEYS_OLD`);
  }
}

/** The text of a sealed value; text stored before the field was sealed comes back as it is. */
export function open(ring: Keyring, field: string, stored: string): string {
  if (!isSealed(stored)) return stored;
  const [, id = "", data = ""] = stored.split(".");
  const key = ring.keys.get(id);
  if (!key) throw new UnknownDataKey(id);
  const bytes = Buffer.from(data, "base64url");
  const decipher = createDecipheriv("aes-256-gcm", key, bytes.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(field));
  decipher.setAuthTag(bytes.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(bytes.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString("utf8");
}
