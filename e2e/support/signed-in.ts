import { test as base, type Page } from "@playwright/test";
import { ADMIN, CUSTOMER } from "./sessions";

/**
 * `test` with a page for each saved session, beside the visitor's `page`: a journey that needs
 * several people at once (a buyer, the customer, the admin) gets each in its own browser context.
 */
export const test = base.extend<{ adminPage: Page; customerPage: Page }>({
  adminPage: async ({ browser }, provide) => {
    const context = await browser.newContext({ storageState: ADMIN.storageState });
    await provide(await context.newPage());
    await context.close();
  },
  customerPage: async ({ browser }, provide) => {
    const context = await browser.newContext({ storageState: CUSTOMER.storageState });
    await provide(await context.newPage());
    await context.close();
  },
});

export { expect } from "@playwright/test";
