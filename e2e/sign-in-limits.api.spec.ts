import { expect, request as playwrightRequest, test } from "@playwright/test";
import { signedInRequest } from "./support/api-sign-in";
import { uniqueEmail } from "./support/journeys";

// Issue 12, point 2: the per-email sign-in limit (5 per 15 minutes) is only counted once
// next-auth's CSRF token is verified, so nobody but the owner's browser can use it up.
test("sign-in posts without next-auth's CSRF token cannot lock an email out", async ({
  baseURL,
}) => {
  const victim = uniqueEmail("victim");
  const anonymous = await playwrightRequest.newContext({ baseURL });
  for (const csrfToken of ["", "forged", "forged", "forged", "forged", "forged"]) {
    const response = await anonymous.post("/api/auth/signin/email", {
      form: { email: victim, csrfToken, callbackUrl: "/account", json: "true" },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(200);
    expect(((await response.json()) as { url: string }).url).toMatch(
      /\/api\/auth\/signin\?csrf=true$/,
    );
  }
  await anonymous.dispose();
  // The owner's browser, with the token, still gets a link and signs in.
  const owner = await signedInRequest(baseURL!, victim);
  await owner.dispose();
});

test("a sign-in body over 16 KB answers 413 before it is read", async ({ request }) => {
  const response = await request.post("/api/auth/signin/email", {
    headers: { "content-type": "application/x-www-form-urlencoded" },
    data: `email=a%40example.com&padding=${"x".repeat(20_000)}`,
  });
  expect(response.status()).toBe(413);
});
