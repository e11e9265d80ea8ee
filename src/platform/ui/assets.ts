import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";

const require = createRequire(import.meta.url);

const sources = {
  "ds.css": require.resolve("@digdir/designsystemet-css"),
  "ds-theme.css": require.resolve("@digdir/designsystemet-css/theme"),
  "htmx.js": require.resolve("htmx.org/dist/htmx.min.js"),
  "app.css": fileURLToPath(new URL("./app.css", import.meta.url)),
  "app.js": fileURLToPath(new URL("./app.js", import.meta.url)),
  "leaflet.css": require.resolve("leaflet/dist/leaflet.css"),
  "leaflet.js": require.resolve("leaflet/dist/leaflet.js"),
  "map.js": fileURLToPath(new URL("./map.js", import.meta.url)),
} as const;

export type AssetName = keyof typeof sources;

export interface Asset {
  body: Buffer;
  type: string;
  url: string;
}

/** Static files under content-hashed names, so browsers may cache them for a year. */
function loadAssets(): { byName: Record<AssetName, Asset>; byUrl: Map<string, Asset> } {
  const byName = {} as Record<AssetName, Asset>;
  const byUrl = new Map<string, Asset>();
  for (const [name, file] of Object.entries(sources) as [AssetName, string][]) {
    const body = readFileSync(file);
    const hash = createHash("sha256").update(body).digest("hex").slice(0, 12);
    const [base, ext] = name.split(".");
    const asset = { body, type: ext === "css" ? "text/css; charset=utf-8" : "text/javascript; charset=utf-8", url: `/assets/${base}.${hash}.${ext}` };
    byName[name] = asset;
    byUrl.set(asset.url, asset);
  }
  return { byName, byUrl };
}

export const assets = loadAssets();
