import { expect, test } from "@playwright/test";

// Every page carries a Content-Security-Policy that refuses framing. Pages rendered per request
// carry a fresh nonce, and every inline script Next writes for the request carries it; the
// storefront stays prerendered (served from cache) with the policy that needs no nonce.

const policyOf = (header: string | undefined) =>
  new Map(
    (header ?? "").split(";").map((directive) => {
      const [name, ...values] = directive.trim().split(/\s+/);
      return [name!, values];
    }),
  );

// React's shell-time script, written into static shells at build; the policy names its hash.
const REACT_SHELL_TIME_SCRIPT = "requestAnimationFrame(function(){$RT=performance.now()});";

test("a page rendered per request gets a fresh nonce on the policy and on its scripts", async ({
  request,
}) => {
  const nonces: string[] = [];
  for (let i = 0; i < 2; i++) {
    const response = await request.get("/signin");
    expect(response.status()).toBe(200);
    const policy = policyOf(response.headers()["content-security-policy"]);
    const nonce = policy
      .get("script-src")
      ?.find((source) => source.startsWith("'nonce-"))
      ?.slice("'nonce-".length, -1);
    expect(nonce).toBeTruthy();
    expect(policy.get("script-src")).not.toContain("'unsafe-inline'");
    expect(policy.get("script-src")).not.toContain("'unsafe-eval'");
    expect(policy.get("frame-ancestors")).toEqual(["'none'"]);
    nonces.push(nonce!);

    const html = await response.text();
    const inlineScripts = [...html.matchAll(/<script(?![^>]*\bsrc=)([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(inlineScripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of inlineScripts) {
      if (body === REACT_SHELL_TIME_SCRIPT) continue;
      expect(attributes, body!.slice(0, 80)).toContain(`nonce="${nonce}"`);
    }
  }
  expect(nonces[0]).not.toBe(nonces[1]);
});

test("the storefront stays prerendered, under a policy that refuses framing", async ({
  request,
}) => {
  for (const path of ["/", "/pricing", "/products/pixelmill"]) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["x-nextjs-prerender"], path).toBeTruthy();
    const policy = policyOf(response.headers()["content-security-policy"]);
    expect(policy.get("frame-ancestors"), path).toEqual(["'none'"]);
    expect(policy.get("object-src"), path).toEqual(["'none'"]);
    expect(response.headers()["x-frame-options"], path).toBe("DENY");
  }
});

test("a not-found page carries the policy too; no HSTS while the app is on http", async ({
  request,
}) => {
  const response = await request.get("/no-such-page");
  expect(response.status()).toBe(404);
  expect(policyOf(response.headers()["content-security-policy"]).get("frame-ancestors")).toEqual([
    "'none'",
  ]);
  // The e2e server's APP_URL is http://localhost: HSTS would pin it to https.
  expect(response.headers()["strict-transport-security"]).toBeUndefined();
});
