import { randomBytes } from "node:crypto";
import { expect, type Page } from "@playwright/test";
import { withAppDatabase } from "./app-database";

export const uniqueEmail = (prefix: string) =>
  `${prefix}-${randomBytes(4).toString("hex")}@example.com`;

/** Buys a tier on the Stripe emulator's checkout page and returns the key shown on the success page. */
export async function buy(page: Page, options: { product: string; tier: string; email: string }) {
  await page.goto("/pricing");
  await page.getByRole("button", { name: `Buy ${options.product} ${options.tier}` }).click();
  await page.getByLabel("Email").fill(options.email);
  await page.getByRole("button", { name: /^Pay / }).click();
  // The page shows "Confirming your payment…" until fulfilment commits: about 1.5 s on a cold
  // server here, over 5 s when two journeys start at once on two cores.
  await expect(page.getByTestId("license-key")).toBeVisible({ timeout: 15_000 });
  return (await page.getByTestId("license-key").textContent())!.trim();
}

/** The newest sign-in link the app captured in its outbox for `email` ("" while there is none). */
export const latestSignInLink = (email: string) =>
  withAppDatabase(async (client) => {
    const { rows } = await client.query<{ text: string }>(
      `SELECT text FROM "EmailMessage" WHERE "to" = $1 AND template = 'sign-in-link' ORDER BY "createdAt" DESC LIMIT 1`,
      [email.toLowerCase()],
    );
    return (
      rows[0]?.text
        .match(/https?:\/\/\S+\/api\/auth\/callback\/email\S+/)?.[0]
        .replace(/[)\].]+$/, "") ?? ""
    );
  });

/** Signs in with the magic link, read from the email the app captured in its outbox. */
export async function signIn(page: Page, email: string) {
  await page.goto("/signin?callbackUrl=%2Faccount");
  await page.getByLabel("Email address").fill(email);
  await page.getByRole("button", { name: "Email me a sign-in link" }).click();
  await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
  await expect.poll(() => latestSignInLink(email)).not.toBe("");
  await page.goto(await latestSignInLink(email));
  await expect(page.getByRole("heading", { level: 1, name: "Your account" })).toBeVisible();
}
