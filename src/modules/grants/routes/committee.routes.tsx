import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/env.js";

export const committeeRoutes = new Hono<AppEnv>();
