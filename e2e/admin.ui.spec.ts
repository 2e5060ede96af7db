import { withAppDatabase } from "./support/app-database";
import { buy } from "./support/journeys";
import { CUSTOMER } from "./support/sessions";
import { expect, test } from "./support/signed-in";

test("an admin finds a bought license, revokes it with a reason, and reinstates it", async ({
  page,
  adminPage,
  customerPage,
  request,
}) => {
  const key = await buy(page, { product: "Pixelmill", tier: "Personal", email: CUSTOMER.email });

  await adminPage.goto("/admin/licenses");
  await adminPage.getByLabel("Key, email, purchase or Stripe id").fill(CUSTOMER.email);
  await adminPage.getByRole("button", { name: "Search" }).click();
  await adminPage.getByRole("link", { name: key }).click();
  await expect(adminPage.getByTestId("admin-license-key")).toHaveText(key);
  await expect(adminPage.getByTestId("admin-license-status")).toHaveText("Active");

  await adminPage.getByLabel("Reason for revoking").fill("Chargeback fraud");
  await adminPage.getByRole("button", { name: "Revoke" }).click();
  await expect(adminPage.getByText("License revoked.")).toBeVisible();
  await expect(adminPage.getByTestId("admin-license-status")).toHaveText("Revoked");
  await expect(adminPage.getByText("license.revoked")).toBeVisible();

  const validate = async () =>
    (await (await request.post("/api/v1/licenses/validate", { data: { key } })).json())
      .code as string;
  expect(await validate()).toBe("REVOKED");

  await customerPage.goto("/account");
  const card = customerPage.getByTestId(`license-${key}`);
  await expect(card.getByTestId("license-status")).toHaveText("Revoked");
  await expect(card.getByText("Why: Chargeback fraud")).toBeVisible();

  await adminPage.getByRole("button", { name: "Reinstate" }).click();
  await expect(adminPage.getByTestId("admin-license-status")).toHaveText("Active");
  expect(await validate()).toBe("VALID");
  await customerPage.reload();
  await expect(card.getByTestId("license-status")).toHaveText("Active");
});

test("the admin area is a 404 for customers and asks visitors to sign in", async ({
  page,
  customerPage,
}) => {
  const licenseId = await withAppDatabase(
    async (client) =>
      (await client.query<{ id: string }>(`SELECT id FROM "License" LIMIT 1`)).rows[0]?.id ??
      "none",
  );
  await page.goto("/admin");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Fadmin/);

  for (const path of [
    "/admin",
    "/admin/licenses",
    `/admin/licenses/${licenseId}`,
    "/admin/purchases",
    "/admin/webhooks",
    "/admin/emails",
    "/admin/emails/anything",
  ]) {
    await customerPage.goto(path);
    await expect(customerPage.getByRole("heading", { name: "Page not found" }), path).toBeVisible();
    await expect(customerPage.getByText("Keyfront admin")).toHaveCount(0);
  }
  const csv = await customerPage.request.get("/api/admin/purchases.csv");
  expect(csv.status()).toBe(404);
});

test("an admin form submitted with a customer's session changes nothing", async ({
  page,
  adminPage,
  customerPage,
}) => {
  const key = await buy(page, {
    product: "Coastal Aerials",
    tier: "Personal",
    email: CUSTOMER.email,
  });
  const licenseId = await withAppDatabase(
    async (client) =>
      (
        await client.query<{ id: string }>(
          `SELECT id FROM "License" WHERE "keyHash" = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
          [key],
        )
      ).rows[0]!.id,
  );
  const customerCookies = await customerPage.context().cookies();

  await adminPage.goto(`/admin/licenses/${licenseId}`);
  await adminPage.getByLabel("Reason for revoking").fill("Forged by a customer");

  // The server action is a public POST endpoint: only the session decides who may use it.
  await adminPage.context().clearCookies();
  await adminPage.context().addCookies(customerCookies);
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
