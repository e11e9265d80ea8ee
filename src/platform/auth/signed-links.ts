import { createHmac, timingSafeEqual } from "node:crypto";

/**
 * A link that opens one record without signing in, as in "answer the association": the record's id
 * and an HMAC of it. Nothing is stored; changing SECRET revokes every such link.
 */
export function signedKey(secret: string, purpose: string, id: string): string {
  return `${id}.${mac(secret, purpose, id)}`;
}

/** The id the key opens, or null when it was not made by this deployment for this purpose. */
export function openSignedKey(secret: string, purpose: string, key: string): string | null {
  const dot = key.lastIndexOf(".");
  if (dot < 1) return null;
  const id = key.slice(0, dot);
  const given = Buffer.from(key.slice(dot + 1));
  const expected = Buffer.from(mac(secret, purpose, id));
  return given.length === expected.length && timingSafeEqual(given, expected) ? id : null;
}

const mac = (secret: string, purpose: string, id: string) => createHmac("sha256", secret).update(`${purpose}:${id}`).digest("base64url");
