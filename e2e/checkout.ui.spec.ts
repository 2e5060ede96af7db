import { randomBytes } from "node:crypto";
import { expect, test, type Page } from "@playwright/test";
import { runState, withAppDatabase } from "./support/app-database";

const licenseByKey = (key: string) =>
  withAppDatabase(async (client) => {
    const { rows } = await client.query<{
      status: string;
      purchase_status: string;
      purchase_id: string;
    }>(
      `SELECT l.status, p.status AS purchase_status, p.id AS purchase_id
         FROM "License" l JOIN "Purchase" p ON p.id = l."purchaseId" WHERE l."keyHash" = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [key],
    );
    return rows[0];
  });

async function buyOnEmulator(
  page: Page,
  options: { product: string; tier: string; email: string; method?: "card" | "delayed" },
) {
  await page.goto("/pricing");
  await page.getByRole("button", { name: `Buy ${options.product} ${options.tier}` }).click();
  await expect(page).toHaveURL(/\/checkout\/cs_test_/);
  await page.getByLabel("Email").fill(options.email);
  await page.getByLabel("Name on card").fill("Playwright Buyer");
  if (options.method) await page.getByLabel("Payment method").selectOption(options.method);
  await page.getByRole("button", { name: /^Pay / }).click();
}

test("a buyer pays on Stripe Checkout, sees the key at once, gets the email, and a refund revokes it", async ({
  page,
}) => {
  const email = `buyer-${randomBytes(4).toString("hex")}@example.com`;
  await buyOnEmulator(page, { product: "Pixelmill", tier: "Commercial", email });

  await expect(page).toHaveURL(/\/checkout\/success\?session_id=cs_test_/);
  await expect(
    page.getByRole("heading", { level: 1, name: "Your Pixelmill license" }),
  ).toBeVisible();
  const key = (await page.getByTestId("license-key").textContent())!.trim();
  expect(key).toMatch(/^PXM(-[0-9A-HJKMNP-TV-Z]{5}){5}$/);
  await expect(page.getByText("3 seats · never expires")).toBeVisible();
  await expect(
    page.getByRole("main").getByRole("link", { name: "Commercial license" }),
  ).toHaveAttribute("href", "/license/commercial");
  await expect(page.getByRole("link", { name: /Download signed certificate/ })).toHaveAttribute(
    "download",
    `${key}.license`,
  );

  const license = await licenseByKey(key);
  expect(license).toMatchObject({ status: "ACTIVE", purchase_status: "PAID" });
  await expect
    .poll(() =>
      withAppDatabase(async (client) => {
        const { rows } = await client.query<{ template: string; status: string; text: string }>(
          `SELECT template, status, text FROM "EmailMessage" WHERE "to" = $1 ORDER BY template`,
          [email],
        );
        return rows.map((row) => [row.template, row.status, row.text.includes(key)]);
      }),
    )
    .toEqual([
      ["license-delivery", "SENT", true],
      ["receipt", "SENT", false],
    ]);

  // The seller refunds the payment from Stripe's dashboard; Stripe tells us by webhook.
  const dashboard = await page.context().newPage();
  await dashboard.goto(runState().stripeEmulatorUrl!);
  await dashboard.locator("tr", { hasText: email }).getByRole("button", { name: "Refund" }).click();
  await expect(dashboard.locator("tr", { hasText: email })).toContainText("refunded");

  await expect
    .poll(() => licenseByKey(key))
    .toMatchObject({ status: "REVOKED", purchase_status: "REFUNDED" });
  await page.reload();
  await expect(
    page.getByText("This purchase was refunded, so its license is no longer valid."),
  ).toBeVisible();
});

test("a declined card stays on the checkout page and nothing is recorded", async ({ page }) => {
  const email = `declined-${randomBytes(4).toString("hex")}@example.com`;
  await page.goto("/pricing");
  await page.getByRole("button", { name: "Buy Glyphset Icons Personal" }).click();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Card number").fill("4000 0000 0000 0002");
  await page.getByRole("button", { name: /^Pay / }).click();
  await expect(page.getByRole("alert")).toHaveText("Your card was declined.");
  const purchases = await withAppDatabase(
    async (client) =>
      (await client.query(`SELECT 1 FROM "Purchase" WHERE "customerEmail" = $1`, [email])).rowCount,
  );
  expect(purchases).toBe(0);
});

test("a delayed payment shows as processing, then licenses when it settles", async ({ page }) => {
  const email = `delayed-${randomBytes(4).toString("hex")}@example.com`;
  await buyOnEmulator(page, {
    product: "Coastal Aerials",
    tier: "Extended",
    email,
    method: "delayed",
  });
  await expect(page.getByRole("heading", { name: "Your payment is processing" })).toBeVisible();

  const dashboard = await page.context().newPage();
  await dashboard.goto(runState().stripeEmulatorUrl!);
  await dashboard
    .locator("tr", { hasText: email })
    .getByRole("button", { name: "Payment succeeds" })
    .click();

  await expect(async () => {
    await page.reload();
    await expect(page.getByTestId("license-key")).toHaveText(/^CSTL-/, { timeout: 1_000 });
  }).toPass();
});

test("the buyer can go back to the store from Stripe Checkout", async ({ page }) => {
  await page.goto("/pricing");
  await page.getByRole("button", { name: "Buy Coastal Aerials Personal" }).click();
  await page.getByRole("link", { name: "← Back to the store" }).click();
  await expect(page).toHaveURL(/\/pricing#coastal-aerials$/);
});
