import { randomBytes } from "node:crypto";
import { expect, test } from "@playwright/test";
import { withAppDatabase } from "./support/app-database";

const setTagline = (slug: string, tagline: string) =>
  withAppDatabase((client) =>
    client.query(`UPDATE "Product" SET tagline = $2 WHERE slug = $1`, [slug, tagline]),
  );

// The storefront is served from Next's cache; an edit made straight in the database shows once the
// `catalog` cache profile refreshes (2 s in these tests, see playwright.config.ts).
test("a catalog edit made in the database reaches the storefront when its cache refreshes", async ({
  page,
}) => {
  const { rows } = await withAppDatabase((client) =>
    client.query<{ tagline: string }>(`SELECT tagline FROM "Product" WHERE slug = 'glyphset'`),
  );
  const original = rows[0]!.tagline;
  const edited = `Icons, edited ${randomBytes(4).toString("hex")}.`;

  await page.goto("/");
  await expect(page.getByText(original)).toBeVisible();
  await setTagline("glyphset", edited);
  try {
    await expect(async () => {
      await page.reload();
      await expect(page.getByText(edited)).toBeVisible({ timeout: 1_000 });
    }).toPass({ timeout: 30_000 });
  } finally {
    await setTagline("glyphset", original);
  }
});
