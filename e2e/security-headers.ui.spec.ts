import { expect, test } from "./support/signed-in";
import type { Page } from "@playwright/test";

// The Content-Security-Policy must refuse what it is for and nothing the app needs: every page
// hydrates and runs with no violation, the prerendered storefront and the per-request pages alike.

/** Records every CSP violation the page reports, from before its first script runs. */
async function recordViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const violations: string[] = [];
    Object.assign(window, { __cspViolations: violations });
    document.addEventListener("securitypolicyviolation", (event) => {
      violations.push(`${event.violatedDirective} ${event.blockedURI} ${event.sample}`);
    });
  });
  return () =>
    page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);
}

/** Waits until React has hydrated the page: Next's router mounts its announcer in an effect. */
async function expectHydrated(page: Page) {
  await expect(page.locator("next-route-announcer")).toHaveCount(1);
}

test("the storefront and sign-in hydrate with no violation", async ({ page }) => {
  const violations = await recordViolations(page);
  for (const path of ["/", "/pricing", "/products/pixelmill", "/signin"]) {
    await page.goto(path);
    await expectHydrated(page);
    expect(await violations(), path).toEqual([]);
  }
  // A client-side navigation loads more of the app's scripts under the same policy.
  await page.goto("/");
  await page.getByRole("link", { name: "Pricing" }).first().click();
  await expect(page).toHaveURL(/\/pricing$/);
  expect(await violations()).toEqual([]);
});

test("the account and the admin area hydrate with no violation", async ({
  customerPage,
  adminPage,
}) => {
  for (const [page, path] of [
    [customerPage, "/account"],
    [adminPage, "/admin"],
    [adminPage, "/admin/licenses"],
  ] as const) {
    const violations = await recordViolations(page);
    await page.goto(path);
    await expectHydrated(page);
    expect(await violations(), path).toEqual([]);
  }
});
