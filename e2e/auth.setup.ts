import { test as setup } from "@playwright/test";
import { signIn } from "./support/journeys";
import { ADMIN, CUSTOMER } from "./support/sessions";

// Signs each account in once through the magic link and saves its session cookie; the journeys
// start from these files instead of signing in again (see playwright.config.ts).
for (const account of [CUSTOMER, ADMIN]) {
  setup(`sign in ${account.email}`, async ({ page }) => {
    await signIn(page, account.email);
    await page.context().storageState({ path: account.storageState });
  });
}
