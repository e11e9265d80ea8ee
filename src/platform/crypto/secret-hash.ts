import { hashSecret, newSecret } from "../ids.js";

/**
 * Secrets handed out once (a session cookie, a one-time link, an API token, a calendar address): only
 * their hash is stored, and a presented secret is found by hashing it again.
 */
export function mintSecret(prefix = ""): { secret: string; hash: string } {
  const secret = `${prefix}${newSecret()}`;
  return { secret, hash: hashSecret(secret) };
}

/** What a presented secret stands for, looked up by its hash. */
export const findBySecret = <T>(secret: string, find: (hash: string) => Promise<T>): Promise<T> => find(hashSecret(secret));

export { hashSecret };
