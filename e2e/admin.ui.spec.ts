import { expect, test } from "@playwright/test";
import { withAppDatabase } from "./support/app-database";
import { buy, signIn, uniqueEmail } from "./support/journeys";

const ADMIN = "admin@keyfront.test";

test("an admin finds a bought license, revokes it with a reason, and reinstates it", async ({
  page,
  browser,
  request,
}) => {
  const customerEmail = uniqueEmail("bought");
  const key = await buy(page, { product: "Pixelmill", tier: "Personal", email: customerEmail });

  const adminPage = await (await browser.newContext()).newPage();
  await signIn(adminPage, ADMIN);
  await adminPage.goto("/admin/licenses");
  await adminPage.getByLabel("Key, email, purchase or Stripe id").fill(customerEmail);
  await adminPage.getByRole("button", { name: "Search" }).click();
  await adminPage.getByRole("link", { name: key }).click();
  await expect(adminPage.getByTestId("admin-license-key")).toHaveText(key);
  await expect(adminPage.getByTestId("admin-license-status")).toHaveText("ACTIVE");

  await adminPage.getByLabel("Reason for revoking").fill("Chargeback fraud");
  await adminPage.getByRole("button", { name: "Revoke" }).click();
  await expect(adminPage.getByText("License revoked.")).toBeVisible();
  await expect(adminPage.getByTestId("admin-license-status")).toHaveText("REVOKED");
  await expect(adminPage.getByText("license.revoked")).toBeVisible();

  const validate = async () =>
    (await (await request.post("/api/v1/licenses/validate", { data: { key } })).json())
      .code as string;
  expect(await validate()).toBe("REVOKED");

  await signIn(page, customerEmail);
  const card = page.getByTestId(`license-${key}`);
  await expect(card.getByTestId("license-status")).toHaveText("Revoked");
  await expect(card.getByText("Why: Chargeback fraud")).toBeVisible();

  await adminPage.getByRole("button", { name: "Reinstate" }).click();
  await expect(adminPage.getByTestId("admin-license-status")).toHaveText("ACTIVE");
  expect(await validate()).toBe("VALID");
  await page.reload();
  await expect(card.getByTestId("license-status")).toHaveText("Active");
});

test("the admin area is a 404 for customers and asks visitors to sign in", async ({ page }) => {
  const licenseId = await withAppDatabase(
    async (client) =>
      (await client.query<{ id: string }>(`SELECT id FROM "License" LIMIT 1`)).rows[0]?.id ??
      "none",
  );
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);

  await signIn(page, uniqueEmail("customer"));
  for (const path of [
    "/admin",
    "/admin/licenses",
    `/admin/licenses/${licenseId}`,
    "/admin/purchases",
    "/admin/webhooks",
    "/admin/emails",
    "/admin/emails/anything",
  ]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
    await expect(page.getByText("Keyfront admin")).toHaveCount(0);
  }
  const csv = await page.request.get("/api/admin/purchases.csv");
  expect(csv.status()).toBe(404);
});

test("an admin form submitted with a customer's session changes nothing", async ({
  browser,
  page,
}) => {
  const customerEmail = uniqueEmail("forger");
  const key = await buy(page, {
    product: "Coastal Aerials",
    tier: "Personal",
    email: customerEmail,
  });
  const licenseId = await withAppDatabase(
    async (client) =>
      (await client.query<{ id: string }>(`SELECT id FROM "License" WHERE key = $1`, [key]))
        .rows[0]!.id,
  );
  await signIn(page, customerEmail);
  const customerCookies = await page.context().cookies();

  const admin = await browser.newContext();
  const adminPage = await admin.newPage();
  await signIn(adminPage, ADMIN);
  await adminPage.goto(`/admin/licenses/${licenseId}`);
  await adminPage.getByLabel("Reason for revoking").fill("Forged by a customer");

  // The server action is a public POST endpoint: only the session decides who may use it.
  await admin.clearCookies();
  await admin.addCookies(customerCookies);
  await adminPage.getByRole("button", { name: "Revoke" }).click();
  await expect(adminPage.getByText("License revoked.")).toHaveCount(0);
  await expect
    .poll(() =>
      withAppDatabase(
        async (client) =>
          (
            await client.query<{ status: string }>(`SELECT status FROM "License" WHERE id = $1`, [
              licenseId,
            ])
          ).rows[0]!.status,
      ),
    )
    .toBe("ACTIVE");
  const forged = await withAppDatabase(async (client) =>
    Number(
      (
        await client.query(
          `SELECT count(*) FROM "AuditLog" WHERE "entityId" = $1 AND action = 'license.revoked'`,
          [licenseId],
        )
      ).rows[0].count,
    ),
  );
  expect(forged).toBe(0);
});
