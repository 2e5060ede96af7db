import { NextRequest } from "next/server";
import { describe, expect, it } from "vitest";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { db } from "@/lib/db";
import { uniqueSuffix } from "@/test/factories";
import { csrfFromNextAuth, postSignInForm } from "@/test/sign-in";
import { authOptions, normalizeEmail } from "./auth-options";
import { SIGN_IN_LIMITS } from "./limit-sign-in-requests";
import { safeCallbackUrl } from "./safe-callback-url";

describe("sign-in", () => {
  it("normalizes emails so ownership is case-insensitive, and refuses non-addresses", () => {
    expect(normalizeEmail("  Ada@Example.COM ")).toBe("ada@example.com");
    expect(() => normalizeEmail("not an email")).toThrow();
    expect(() => normalizeEmail("a@b@c.com")).toThrow();
  });

  it("makes the emails in ADMIN_EMAILS admins when they sign in, and nobody else", async () => {
    const owner = await db.user.upsert({
      where: { email: "owner@keyfront.test" },
      create: { email: "owner@keyfront.test" },
      update: { role: "CUSTOMER" },
    });
    const customer = await db.user.create({
      data: { email: `customer-${uniqueSuffix()}@example.com` },
    });
    for (const user of [owner, customer]) {
      await authOptions.events!.signIn!({
        user: { id: user.id, email: user.email, role: user.role },
        account: null,
        isNewUser: false,
      });
    }
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).role).toBe("ADMIN");
    expect((await db.user.findUniqueOrThrow({ where: { id: customer.id } })).role).toBe("CUSTOMER");
  });

  it("answers a sign-in request over the limit with a clear error instead of sending a link", async () => {
    const email = `limited-${uniqueSuffix()}@example.com`;
    const { limitSignInRequests } = await import("./limit-sign-in-requests");
    for (let attempt = 0; attempt < SIGN_IN_LIMITS.perEmail; attempt += 1)
      await limitSignInRequests({ email, ip: `10.3.${attempt}.1` });

    const { cookieHeader, csrfToken } = csrfFromNextAuth();
    const response = await postSignInForm({
      fields: { email, csrfToken, callbackUrl: "/account", json: "true" },
      cookieHeader,
      ip: "10.3.200.1",
    });
    const { url } = (await response.json()) as { url: string };
    expect(new URL(url).pathname).toBe("/signin");
    expect(new URL(url).searchParams.get("error")).toBe("RateLimited");
    expect(await db.emailMessage.count({ where: { to: email, template: "sign-in-link" } })).toBe(0);
  });

  it("only ever sends a signed-in customer to a path on this site", () => {
    expect(safeCallbackUrl("/account/purchases/x/receipt")).toBe("/account/purchases/x/receipt");
    for (const hostile of [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "javascript:alert(1)",
      "",
      42,
      undefined,
    ]) {
      expect(safeCallbackUrl(hostile)).toBe("/account");
    }
  });

  it("answers a sign-in request that is not a form without a server error", async () => {
    const response = await POST(
      new NextRequest("http://localhost/api/auth/signin/email", {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{not a form",
      }),
      { params: Promise.resolve({ nextauth: ["signin", "email"] }) },
    );
    expect(response.status).toBe(415);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe(
      "UNSUPPORTED_MEDIA_TYPE",
    );
  });
});
