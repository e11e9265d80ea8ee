import { createHash, randomBytes } from "node:crypto";
import { v7 } from "uuid";

export const newId = (): string => v7();

/** A random secret for a link or cookie; only its hash is stored. */
export const newSecret = (): string => randomBytes(32).toString("base64url");

export const hashSecret = (secret: string): string => createHash("sha256").update(secret).digest("base64url");
