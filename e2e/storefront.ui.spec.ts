import { expect, test } from "@playwright/test";
import { formatMoney } from "@/lib/format/money";
import { withAppDatabase } from "./support/app-database";

type TierRow = {
  id: string;
  tier: string;
  product: string;
  slug: string;
  price_cents: number;
  currency: string;
};

const loadTiers = () =>
  withAppDatabase(async (client) => {
    const { rows } = await client.query<TierRow>(
      `SELECT t.id, t.name AS tier, p.name AS product, p.slug, t."priceCents" AS price_cents, t.currency
         FROM "Tier" t JOIN "Product" p ON p.id = t."productId"
        WHERE t.active AND p.active ORDER BY p."sortOrder", t.kind`,
    );
    return rows;
  });

test("the pricing page shows every tier with its price from the database", async ({ page }) => {
  const tiers = await loadTiers();
  expect(tiers.length).toBeGreaterThanOrEqual(6);

  await page.goto("/pricing");
  await expect(page.getByRole("heading", { level: 1, name: "Pricing" })).toBeVisible();
  for (const tier of tiers) {
    const card = page.getByTestId(`tier-${tier.id}`);
    await expect(card.getByRole("heading", { name: tier.tier })).toBeVisible();
    await expect(card.getByTestId("tier-price")).toHaveText(
      formatMoney(tier.price_cents, tier.currency),
    );
    await expect(
      card.getByRole("button", { name: `Buy ${tier.product} ${tier.tier}` }),
    ).toBeEnabled();
  }
  const video = tiers
    .filter((tier) => tier.slug === "coastal-aerials")
    .map((tier) => tier.price_cents);
  expect(video).toEqual([299, 999, 1999]);
});

test("a tier's terms page opens from the pricing page", async ({ page }) => {
  await page.goto("/pricing");
  await page.getByRole("link", { name: "Personal license" }).first().click();
  await expect(page).toHaveURL(/\/license\/personal$/);
  await expect(
    page.getByRole("heading", { level: 1, name: /personal license terms/i }),
  ).toBeVisible();
  await expect(page.getByRole("heading", { name: /Pixelmill: Personal license/ })).toBeVisible();
  await expect(page.getByText(/may install and use the software on one computer/)).toBeVisible();
});

test("the home page lists what is sold and links to each product", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("link", { name: "Coastal Aerials" }).click();
  await expect(page).toHaveURL(/\/products\/coastal-aerials$/);
  await expect(page.getByRole("heading", { level: 1, name: "Coastal Aerials" })).toBeVisible();
  await expect(page.getByText("coastal-aerials-4k.zip")).toBeVisible();
});

for (const path of ["/", "/pricing", "/products/pixelmill", "/license/commercial"]) {
  test(`${path} fits a 375 px screen without sideways scrolling`, async ({ page }) => {
    await page.setViewportSize({ width: 375, height: 812 });
    await page.goto(path);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
}
