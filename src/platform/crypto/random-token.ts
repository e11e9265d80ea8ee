import { randomBytes } from "node:crypto";

/** Drawn from the system a block at a time: every page needs two small random values, and each draw costs more than its bytes. */
const BLOCK = 4096;
let block = Buffer.alloc(0);
let at = 0;

/** `bytes` random bytes, never handed out before, as base64url. */
export function randomToken(bytes: number): string {
  if (at + bytes > block.length) {
    block = randomBytes(BLOCK);
    at = 0;
  }
  const token = block.toString("base64url", at, at + bytes);
  at += bytes;
  return token;
}
