import { createHash, randomBytes } from "node:crypto";
import { v7 } from "uuid";
import { randomBytesOnce } from "./crypto/random-token.js";

// Ids are UUIDv7, ordered by the time they were made. The uuid package draws 16 bytes from the system for each one;
// given its random bytes, it no longer keeps them in order within a millisecond, so the counter is kept here as
// it keeps it (RFC 9562, method 1).
const last = { msecs: Number.NEGATIVE_INFINITY, seq: 0 };

export const newId = (): string => {
  const random = randomBytesOnce(16);
  const now = Date.now();
  if (now > last.msecs) {
    last.msecs = now;
    last.seq = random.readUInt32BE(6) & 0x7fffffff;
  } else {
    last.seq = (last.seq + 1) | 0;
    if (last.seq === 0) last.msecs++;
  }
  return v7({ random, msecs: last.msecs, seq: last.seq });
};

/** A random secret for a link or cookie; only its hash is stored. */
export const newSecret = (): string => randomBytes(32).toString("base64url");

export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("base64url");
