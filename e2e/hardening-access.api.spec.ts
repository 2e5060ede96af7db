import { randomBytes } from "node:crypto";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { withAppDatabase } from "./support/app-database";
import { signedInRequest } from "./support/api-sign-in";
import { uniqueEmail } from "./support/journeys";

// The status of a page a visitor may not see is decided before its first byte: a real 307 to
// sign in, a real 404 for the wrong person. A redirect or not-found streamed inside a 200 page
// tells crawlers, monitors and scripts that the page exists.

/** A paid purchase of a seeded tier for `email`, as fulfilment would store it. */
async function insertPurchase(email: string): Promise<string> {
  const id = `e2e${randomBytes(8).toString("hex")}`;
  await withAppDatabase((client) =>
    client.query(
      `INSERT INTO "Purchase" (id, source, "sourceOrderId", "customerEmail", "productId", "tierId", "amountCents", currency, status, "paidAt", "updatedAt")
       SELECT $1, 'MANUAL', $1, $2, p.id, t.id, 4900, 'usd', 'PAID', now(), now()
       FROM "Product" p JOIN "Tier" t ON t."productId" = p.id WHERE p.slug = 'pixelmill' AND t.kind = 'PERSONAL'`,
      [id, email],
    ),
  );
  return id;
}

test.describe("signed-in areas answer with real statuses", () => {
  const owner = uniqueEmail("receipt-owner");
  let ownerRequest: APIRequestContext;
  let otherCustomer: APIRequestContext;
  let admin: APIRequestContext;
  let purchaseId: string;

  test.beforeAll(async ({ baseURL }) => {
    purchaseId = await insertPurchase(owner);
    ownerRequest = await signedInRequest(baseURL!, owner);
    otherCustomer = await signedInRequest(baseURL!, uniqueEmail("someone-else"));
    admin = await signedInRequest(baseURL!, "admin@keyfront.test");
  });
  test.afterAll(async () => {
    await Promise.all([ownerRequest?.dispose(), otherCustomer?.dispose(), admin?.dispose()]);
  });

  test("signed out: 307 to sign in, with the page to come back to", async ({ request }) => {
    for (const path of [
      "/admin",
      "/admin/licenses?q=abc",
      "/admin/emails",
      "/account",
      `/account/purchases/${purchaseId}/receipt`,
    ]) {
      const response = await request.get(path, { maxRedirects: 0 });
      expect(response.status(), path).toBe(307);
      const location = new URL(response.headers().location!, "http://localhost");
      expect(location.pathname, path).toBe("/signin");
      expect(location.searchParams.get("callbackUrl"), path).toBe(path);
    }
  });

  test("a session cookie that names no session is sent to sign in too", async ({ request }) => {
    for (const token of ["no-such-session", "%00", "x".repeat(4000)]) {
      const response = await request.get("/admin", {
        headers: { cookie: `next-auth.session-token=${token}` },
        maxRedirects: 0,
      });
      expect(response.status(), token.slice(0, 20)).toBe(307);
    }
  });

  test("a customer gets 404 in the admin area; the admin gets the page", async () => {
    for (const path of ["/admin", "/admin/licenses", "/admin/purchases", "/admin/emails"]) {
      const refused = await otherCustomer.get(path, { maxRedirects: 0 });
      expect(refused.status(), path).toBe(404);
      expect(await refused.text(), path).not.toContain("Overview");
      expect((await admin.get(path, { maxRedirects: 0 })).status(), path).toBe(200);
    }
  });

  test("another customer's receipt is a 404; the owner's is a 200", async () => {
    const path = `/account/purchases/${purchaseId}/receipt`;
    const refused = await otherCustomer.get(path, { maxRedirects: 0 });
    expect(refused.status()).toBe(404);
    expect(await refused.text()).not.toContain(owner);
    for (const id of ["no-such-id", "%00", "%E0%A4%A", "x".repeat(3000)]) {
      const answer = await otherCustomer.get(`/account/purchases/${id}/receipt`);
      expect(answer.status(), id.slice(0, 20)).toBe(404);
    }

    const shown = await ownerRequest.get(path, { maxRedirects: 0 });
    expect(shown.status()).toBe(200);
    expect(await shown.text()).toContain("Receipt");
  });
});
