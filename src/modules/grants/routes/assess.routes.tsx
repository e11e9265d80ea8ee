import { Hono } from "hono";
import type { AppEnv } from "../../../platform/http/env.js";

export const assessRoutes = new Hono<AppEnv>();
