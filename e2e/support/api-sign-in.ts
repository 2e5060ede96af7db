import { existsSync, mkdirSync } from "node:fs";
import path from "node:path";
import { expect, request as playwrightRequest, type APIRequestContext } from "@playwright/test";
import { latestSignInLink } from "./journeys";

/**
 * A request context signed in as `email` through the magic link, without a browser: next-auth's
 * CSRF token, the sign-in form post, the link the app captured in its outbox, the session cookie.
 * The session is kept in e2e/.auth/ and reused while the server still knows it: sign-ins per email
 * are rate limited, and several files sign the admin in.
 */
export async function signedInRequest(baseURL: string, email: string): Promise<APIRequestContext> {
  const saved = path.resolve(`e2e/.auth/api-${email.replace(/[^a-z0-9.-]/gi, "_")}.json`);
  if (existsSync(saved)) {
    const context = await playwrightRequest.newContext({ baseURL, storageState: saved });
    const session = (await (await context.get("/api/auth/session")).json()) as {
      user?: { email?: string };
    };
    if (session.user?.email === email.toLowerCase()) return context;
    await context.dispose();
  }
  const context = await playwrightRequest.newContext({ baseURL });
  const { csrfToken } = (await (await context.get("/api/auth/csrf")).json()) as {
    csrfToken: string;
  };
  const posted = await context.post("/api/auth/signin/email", {
    form: { email, csrfToken, callbackUrl: "/account", json: "true" },
  });
  expect(posted.status()).toBeLessThan(400);
  await expect.poll(() => latestSignInLink(email), { timeout: 15_000 }).not.toBe("");
  const link = new URL(await latestSignInLink(email));
  const callback = await context.get(`${link.pathname}${link.search}`, { maxRedirects: 0 });
  expect(callback.status()).toBe(302);
  const cookies = (await context.storageState()).cookies.map((cookie) => cookie.name);
  expect(cookies).toContain("next-auth.session-token");
  mkdirSync(path.dirname(saved), { recursive: true });
  await context.storageState({ path: saved });
  return context;
}
