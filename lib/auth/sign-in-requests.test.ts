import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { rateLimitStorageKey } from "@/lib/rate-limit/consume-rate-limits";
import { uniqueSuffix } from "@/test/factories";
import { csrfFromNextAuth, postSignInForm } from "@/test/sign-in";
import { checkSignInRequest, SIGN_IN_LIMITS } from "./limit-sign-in-requests";

let lastOctet = 0;
const newClient = () => `198.51.${Math.floor(Math.random() * 250)}.${(lastOctet++ % 250) + 1}`;

const emailCounter = (email: string) =>
  db.rateLimit.findUnique({ where: { key: rateLimitStorageKey(`sign-in:email:${email}`) } });

describe("sign-in requests", () => {
  it("never counts a request without next-auth's CSRF token against the email it names", async () => {
    const victim = `victim-${uniqueSuffix()}@example.com`;
    const attacker = newClient();
    const browser = csrfFromNextAuth();
    const forged = csrfFromNextAuth();
    const anonymous: { fields: Record<string, string>; cookieHeader?: string }[] = [
      { fields: { email: victim, json: "true" } },
      {
        fields: { email: victim, csrfToken: "x", json: "true" },
        cookieHeader: "next-auth.csrf-token=x%7Cy",
      },
      // A real token, but not the one this cookie was made for.
      {
        fields: { email: victim, csrfToken: forged.csrfToken, json: "true" },
        cookieHeader: browser.cookieHeader,
      },
      // A cookie whose hash was not made with our secret.
      {
        fields: { email: victim, csrfToken: "abc", json: "true" },
        cookieHeader: `next-auth.csrf-token=abc%7C${"0".repeat(64)}`,
      },
      { fields: { email: victim, csrfToken: "" } },
      { fields: { email: victim } },
      { fields: { email: victim, json: "true" } },
    ];
    for (const request of anonymous) {
      const response = await postSignInForm({ ...request, ip: attacker });
      const url =
        response.status === 200
          ? ((await response.json()) as { url: string }).url
          : response.headers.get("location")!;
      expect(response.status === 200 || response.status === 302).toBe(true);
      expect(new URL(url).pathname + new URL(url).search).toBe("/api/auth/signin?csrf=true");
    }
    expect(anonymous.length).toBeGreaterThan(SIGN_IN_LIMITS.perEmail);
    expect(await emailCounter(victim)).toBeNull();

    // The victim's own browser, with next-auth's token, still gets all of their sign-ins.
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perEmail; attempt += 1) {
      const form = new URLSearchParams({ email: victim, csrfToken: browser.csrfToken });
      expect(
        await checkSignInRequest({ form, cookieHeader: browser.cookieHeader, ip: newClient() }),
      ).toEqual({ allowed: true });
    }
    expect((await emailCounter(victim))?.count).toBe(SIGN_IN_LIMITS.perEmail);
  });

  it("refuses an implausible email without counting it, as next-auth would", async () => {
    const { cookieHeader, csrfToken } = csrfFromNextAuth();
    const long = `${"a".repeat(250)}@example.com`;
    for (const email of [`nul-${uniqueSuffix()}\u0000@example.com`, long, "not an email", ""]) {
      const response = await postSignInForm({
        fields: { email, csrfToken },
        cookieHeader,
        ip: newClient(),
      });
      expect(response.status).toBe(302);
      expect(response.headers.get("location")).toMatch(/\/api\/auth\/error\?error=EmailSignin$/);
      expect(await emailCounter(email.trim().toLowerCase())).toBeNull();
    }
  });

  it("counts refused requests against their client, and limits it", async () => {
    const client = newClient();
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perIp; attempt += 1)
      await postSignInForm({ fields: { email: `x-${attempt}@example.com` }, ip: client });
    const response = await postSignInForm({
      fields: { email: "y@example.com", json: "true" },
      ip: client,
    });
    const { url } = (await response.json()) as { url: string };
    expect(new URL(url).searchParams.get("error")).toBe("RateLimited");
  });

  it("answers 413 to a body over 16 KB, declared or streamed, without reading it all", async () => {
    const { cookieHeader, csrfToken } = csrfFromNextAuth();
    const declared = await postSignInForm({
      fields: { email: "big@example.com", csrfToken, padding: "x".repeat(20_000) },
      cookieHeader,
      ip: newClient(),
    });
    expect(declared.status).toBe(413);
    let sent = 0;
    // A client that never stops sending: the route must stop reading, not buffer it all.
    const endless = new ReadableStream<Uint8Array>({
      pull(controller) {
        sent += 1024;
        controller.enqueue(new TextEncoder().encode(`a=${"x".repeat(1022)}`));
      },
    });
    const streamed = await postSignInForm({ fields: {}, body: endless, ip: newClient() });
    expect(streamed.status).toBe(413);
    expect(((await streamed.json()) as { error: { code: string } }).error.code).toBe(
      "PAYLOAD_TOO_LARGE",
    );
    expect(sent).toBeLessThan(64 * 1024);
  }, 10_000);
});
