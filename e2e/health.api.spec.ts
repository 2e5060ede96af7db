import { expect, test } from "@playwright/test";

test("health answers 200 with the database up, and is never cached", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["cache-control"]).toBe("no-store");
  expect(await response.json()).toMatchObject({ status: "ok", database: "up" });
});

test("unknown pages answer 404", async ({ request }) => {
  expect((await request.get("/products/no-such-product")).status()).toBe(404);
  expect((await request.get("/license/enterprise")).status()).toBe(404);
});
