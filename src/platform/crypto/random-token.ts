import { randomBytes } from "node:crypto";

/**
 * Drawn from the system a block at a time: every page needs two small random values and every written row an
 * id, and each draw costs more than its bytes.
 */
const BLOCK = 4096;
let block = Buffer.alloc(0);
let at = 0;

/** `bytes` random bytes, never handed out before; a view of the block, to be read at once. */
export function randomBytesOnce(bytes: number): Buffer {
  if (at + bytes > block.length) {
    block = randomBytes(BLOCK);
    at = 0;
  }
  at += bytes;
  return block.subarray(at - bytes, at);
}

/** `bytes` random bytes, never handed out before, as base64url. */
export function randomToken(bytes: number): string {
  return randomBytesOnce(bytes).toString("base64url");
}
