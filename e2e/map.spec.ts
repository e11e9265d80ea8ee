import { expect, expectAccessible, test } from "./fixtures.js";

// A one-pixel PNG stands in for the tile server, which this machine cannot reach.
const TILE = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

test("the search results show on a map whose places open by keyboard", async ({ page }) => {
  let tiles = 0;
  await page.route("https://tile.openstreetmap.org/**", (route) => {
    tiles += 1;
    return route.fulfill({ body: TILE, contentType: "image/png" });
  });
  await page.goto("/search?near=8000&within=10");
  const map = page.getByRole("region", { name: "Kort over resultaterne" });
  await expect(map).toBeVisible();
  await expect(map.getByText("© OpenStreetMap-bidragydere")).toBeVisible();
  const pins = map.locator(".map-pin");
  await expect(pins.first()).toBeVisible();
  const listed = await page.locator("li[data-lat]").count();
  expect(await pins.count()).toBe(listed);
  expect(tiles).toBeGreaterThan(0);
  await expectAccessible(page);

  const first = pins.first();
  const name = (await first.getAttribute("aria-label")) ?? "";
  await first.focus();
  await page.keyboard.press("Enter");
  const link = map.getByRole("link", { name });
  await expect(link).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(name);
});

test("without JavaScript the list is all there is", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/search?near=8000&within=10");
  await expect(page.getByRole("region", { name: "Kort over resultaterne" })).toBeHidden();
  await expect(page.locator("li[data-lat]").first()).toBeVisible();
  await context.close();
});
