import type { MiddlewareHandler } from "hono";
import { bodyLimit } from "hono/body-limit";
import { matchedRoutes } from "hono/route";
import type { AppEnv } from "./env.js";
import { AppError } from "./errors.js";

const declared = new WeakMap<object, number>();

/**
 * Lets an upload route take a body for its own file limit instead of the app-wide one. It allows twice
 * the file's limit, and room for the form's other fields, so a file somewhat too large still reaches the
 * form, which says precisely what is wrong and keeps what was typed.
 */
export function uploadBody(maxFileBytes: number): MiddlewareHandler<AppEnv> {
  const marker: MiddlewareHandler<AppEnv> = (_c, next) => next();
  declared.set(marker, 2 * maxFileBytes + 64 * 1024);
  return marker;
}

/** Refuses a body over the app-wide limit, or over the limit the matched upload route declares. */
export function bodyLimits(defaultBytes: number): MiddlewareHandler<AppEnv> {
  const limiters = new Map<number, MiddlewareHandler<AppEnv>>();
  const limiter = (maxSize: number) => {
    let found = limiters.get(maxSize);
    if (!found) {
      found = bodyLimit({
        maxSize,
        onError: () => {
          throw new AppError(413, "payload_too_large", "error.tooLarge");
        },
      });
      limiters.set(maxSize, found);
    }
    return found;
  };
  return (c, next) => {
    // A GET or HEAD carries no body; asking for one would build the whole request object for nothing.
    if (c.req.method === "GET" || c.req.method === "HEAD") return next();
    const own = matchedRoutes(c)
      .map((r) => declared.get(r.handler))
      .find((n) => n !== undefined);
    return limiter(own ?? defaultBytes)(c, next);
  };
}
