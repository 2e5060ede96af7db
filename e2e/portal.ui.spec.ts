import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { withAppDatabase } from "./support/app-database";
import { buy, signIn, uniqueEmail } from "./support/journeys";
import { CUSTOMER } from "./support/sessions";
import { expect, test } from "./support/signed-in";

test("a customer signs in by magic link, downloads, resends, frees a device and signs out", async ({
  page,
  request,
}) => {
  const email = uniqueEmail("portal");
  const key = await buy(page, { product: "Pixelmill", tier: "Commercial", email });

  // The desktop app activated a seat on some machine.
  const activated = await request.post("/api/v1/licenses/activate", {
    data: { key, fingerprint: "old-laptop", label: "Old laptop", platform: "windows" },
  });
  expect(activated.status()).toBe(201);

  await signIn(page, email.toUpperCase());
  const card = page.getByTestId(`license-${key}`);
  await expect(card).toBeVisible();
  await expect(card.getByTestId("license-status")).toHaveText("Active");
  await expect(card.getByText("1 of 3 seats used")).toBeVisible();

  // Download a file and check it is exactly the one on record.
  const file = card.getByRole("listitem").filter({ hasText: "Pixelmill 2.4 for Linux" });
  await file.getByRole("button", { name: "Get download link" }).click();
  const downloadLink = file.getByRole("link", {
    name: /^Download pixelmill-2\.4\.0-linux-x64\.zip/,
  });
  const downloadPromise = page.waitForEvent("download");
  await downloadLink.click();
  const download = await downloadPromise;
  const bytes = await readFile((await download.path())!);
  const expected = await withAppDatabase(
    async (client) =>
      (
        await client.query<{ sha256: string }>(
          `SELECT sha256 FROM "Asset" WHERE "fileName" = 'pixelmill-2.4.0-linux-x64.zip'`,
        )
      ).rows[0]!.sha256,
  );
  expect(createHash("sha256").update(bytes).digest("hex")).toBe(expected);
  await page.reload();
  await expect(card.getByText(/Pixelmill 2.4 for Linux: 4 downloads left/)).toBeVisible();

  // Resend the license email.
  const countEmails = () =>
    withAppDatabase(async (client) =>
      Number(
        (
          await client.query(
            `SELECT count(*) FROM "EmailMessage" WHERE "to" = $1 AND template = 'license-delivery'`,
            [email],
          )
        ).rows[0].count,
      ),
    );
  const before = await countEmails();
  await card.getByRole("button", { name: "Email me this license" }).click();
  await expect(card.getByText(`Sent to ${email}.`)).toBeVisible();
  expect(await countEmails()).toBe(before + 1);

  // Free the old machine's seat; the license API sees it at once.
  await card
    .getByRole("listitem")
    .filter({ hasText: "Old laptop" })
    .getByRole("button", { name: "Deactivate" })
    .click();
  await expect(card.getByText("0 of 3 seats used")).toBeVisible();
  const validation = await request.post("/api/v1/licenses/validate", {
    data: { key, fingerprint: "old-laptop" },
  });
  expect((await validation.json()).code).toBe("FINGERPRINT_NOT_ACTIVATED");

  // The receipt opens and prints.
  await page
    .getByRole("link", { name: /^Receipt/ })
    .first()
    .click();
  await expect(page.getByRole("heading", { name: "Receipt" })).toBeVisible();
  await expect(page.getByRole("definition").filter({ hasText: key })).toBeVisible();

  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/$/);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
});

test("a second customer cannot open the first one's receipt, files or devices", async ({
  page,
  customerPage: second,
}) => {
  const firstEmail = uniqueEmail("first");
  const firstKey = await buy(page, {
    product: "Glyphset Icons",
    tier: "Personal",
    email: firstEmail,
  });
  const first = await withAppDatabase(async (client) => {
    const { rows } = await client.query<{
      license_id: string;
      purchase_id: string;
      asset_id: string;
    }>(
      `SELECT l.id AS license_id, l."purchaseId" AS purchase_id, a.id AS asset_id
         FROM "License" l JOIN "Asset" a ON a."productId" = l."productId" WHERE l."keyHash" = encode(sha256(convert_to($1, 'UTF8')), 'hex') LIMIT 1`,
      [firstKey],
    );
    return rows[0]!;
  });

  const secondKey = await buy(second, {
    product: "Coastal Aerials",
    tier: "Personal",
    email: CUSTOMER.email,
  });
  await second.goto("/account");
  await expect(second.getByTestId(`license-${secondKey}`)).toBeVisible();
  await expect(second.getByText(firstKey)).toHaveCount(0);

  // The page streams behind a loading state, so the refusal is the not-found page, not a status.
  await second.goto(`/account/purchases/${first.purchase_id}/receipt`);
  await expect(second.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(second.getByText(firstKey)).toHaveCount(0);

  // A request for the first customer's file, made by rewriting the form's submission on its way
  // to the server (changing the inputs in the page races React's hydration, which resets them).
  await second.goto("/account");
  const form = second
    .getByTestId(`license-${secondKey}`)
    .getByRole("button", { name: "Get download link" })
    .first()
    .locator("xpath=ancestor::form");
  const own = {
    licenseId: await form.locator('input[name="licenseId"]').inputValue(),
    assetId: await form.locator('input[name="assetId"]').inputValue(),
  };
  await second.route("**/account", async (route) => {
    const body = route.request().postData();
    if (route.request().method() !== "POST" || !body?.includes(own.assetId))
      return route.continue();
    await route.continue({
      postData: body
        .replaceAll(own.licenseId, first.license_id)
        .replaceAll(own.assetId, first.asset_id),
    });
  });
  await form.getByRole("button", { name: "Get download link" }).click();
  await expect(second.getByText("No such file for this license.")).toBeVisible();
  const tokens = await withAppDatabase(async (client) =>
    Number(
      (
        await client.query(`SELECT count(*) FROM "DownloadToken" WHERE "licenseId" = $1`, [
          first.license_id,
        ])
      ).rows[0].count,
    ),
  );
  expect(tokens).toBe(0);
});

test("the account page fits a 375 px screen", async ({ page, customerPage }) => {
  const key = await buy(page, {
    product: "Coastal Aerials",
    tier: "Commercial",
    email: CUSTOMER.email,
  });
  await customerPage.setViewportSize({ width: 375, height: 812 });
  await customerPage.goto("/account");
  await expect(customerPage.getByTestId(`license-${key}`)).toBeVisible();
  expect(
    await customerPage.evaluate(() => document.documentElement.scrollWidth - window.innerWidth),
  ).toBeLessThanOrEqual(0);
});
