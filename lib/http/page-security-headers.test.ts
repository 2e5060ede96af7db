import { describe, expect, it } from "vitest";
import { createNonce, pageSecurityHeaders } from "./page-security-headers";

const base = {
  dev: false,
  appUrl: "http://localhost:3000",
  checkoutOrigin: "http://127.0.0.1:12111",
};

const directives = (policy: string) =>
  new Map(
    policy.split(";").map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name!, values];
    }),
  );

describe("pageSecurityHeaders", () => {
  it("gives a page rendered per request a nonce policy that allows no other inline script", () => {
    const nonce = createNonce();
    const policy = directives(pageSecurityHeaders({ ...base, nonce })["content-security-policy"]!);
    expect(policy.get("script-src")).toContain(`'nonce-${nonce}'`);
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    expect(policy.get("object-src")).toEqual(["'none'"]);
    expect(policy.get("form-action")).toEqual(["'self'", "http://127.0.0.1:12111"]);
  });

  it("gives a prerendered page a policy without a nonce, still refusing framing", () => {
    const policy = directives(pageSecurityHeaders(base)["content-security-policy"]!);
    expect(policy.get("script-src")).toEqual(["'self'", "'unsafe-inline'"]);
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
  });

  it("allows eval only in development, where React's dev build needs it", () => {
    const dev = pageSecurityHeaders({ ...base, dev: true, nonce: createNonce() });
    expect(directives(dev["content-security-policy"]!).get("script-src")).toContain(
      "'unsafe-eval'",
    );
  });

  it("sends Strict-Transport-Security only when the app is served over https", () => {
    expect(pageSecurityHeaders(base)["strict-transport-security"]).toBeUndefined();
    expect(
      pageSecurityHeaders({ ...base, appUrl: "https://shop.example.com" })[
        "strict-transport-security"
      ],
    ).toBe("max-age=63072000; includeSubDomains");
  });

  it("draws a fresh nonce every time", () => {
    const nonces = new Set(Array.from({ length: 100 }, createNonce));
    expect(nonces.size).toBe(100);
    expect([...nonces][0]).toMatch(/^[A-Za-z0-9+/]{22}==$/);
  });
});
