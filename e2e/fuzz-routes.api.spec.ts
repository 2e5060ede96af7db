import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedInRequest } from "./support/api-sign-in";
import { uniqueEmail } from "./support/journeys";

// Issue 12: whatever a client sends a route handler or a page with parameters, the answer is a
// 4xx, a redirect or the page's own refusal, never a 5xx and never a stack trace. Server actions
// have their own fuzz (hardening-actions.api.spec.ts). The cases come from a seeded generator:
// FUZZ_SEED=<n> replays a run, and every offender is printed with what was sent.

const SEED = Number(process.env.FUZZ_SEED ?? 20261125);

/** mulberry32: small, fast and the same on every machine. */
function seededRandom(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Method = "GET" | "POST" | "PUT" | "PATCH" | "DELETE" | "HEAD" | "OPTIONS";
const METHODS: Method[] = ["GET", "POST", "PUT", "PATCH", "DELETE", "HEAD", "OPTIONS"];
type Caller = "anonymous" | "customer" | "admin";

type Case = {
  /** The route as the app names it, for the count and the report. */
  route: string;
  method: Method;
  path: string;
  caller?: Caller;
  headers?: Record<string, string>;
  body?: string | Buffer;
};

const deeplyNested = (depth: number) => "[".repeat(depth) + "]".repeat(depth);
const deeplyNestedObject = (depth: number) => '{"a":'.repeat(depth) + "1" + "}".repeat(depth);

/** JSON and not-quite-JSON bodies that are wrong for any endpoint expecting an object. */
const WRONG_JSON_BODIES: string[] = [
  "",
  "not json",
  "{",
  '{"key":',
  "[]",
  "null",
  "0",
  "-1e309",
  "1e309",
  "true",
  '"a string"',
  "{}",
  deeplyNested(5000),
  deeplyNestedObject(5000),
  `"${"x".repeat(50_000)}"`,
  '{"key":"\\u0000"}',
  '{"key":"\\ud800"}',
  '{"key":"\\udfff\\ud800"}',
  '{"__proto__":{"polluted":true},"key":"k"}',
  '{"constructor":{"prototype":{"polluted":true}}}',
  "\u0000\u0001\u0002",
  "\ufeff{}",
];

/** Values of every wrong type and shape, to put where a field belongs. */
const HOSTILE_VALUES: unknown[] = [
  null,
  0,
  -1,
  1.5,
  1e308,
  true,
  [],
  {},
  [1, 2],
  { $gt: "" },
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\ud800",
  "\u202e\u0301",
  "💥".repeat(60),
  "x".repeat(3000),
  "../../etc/passwd",
  '\'; DROP TABLE "License"; --',
  "<script>alert(1)</script>",
  "%00%ZZ",
  "\r\nSet-Cookie: x=1",
];

/** Path segments that are not what any dynamic route expects. */
const HOSTILE_SEGMENTS: string[] = [
  "%00",
  "%ZZ",
  "%",
  "..%2F..%2Fetc%2Fpasswd",
  "..%2F",
  "%2e%2e",
  "x".repeat(3000),
  encodeURIComponent("💥ünïcødé"),
  "%F0%9F",
  "%ED%A0%80",
  "%0D%0ASet-Cookie:%20x=1",
  "'%20OR%201=1--",
  "%3Cscript%3E",
  "-1",
  "0",
  "null",
  "undefined",
  "__proto__",
  "%20",
];

/** Query values that are wrong for any parameter. */
const HOSTILE_QUERY_VALUES: string[] = [
  "%00",
  "%ZZ",
  "%",
  "x".repeat(3000),
  "%ED%A0%80",
  "%0D%0A",
  "javascript:alert(1)",
  "https://evil.example/",
  "//evil.example",
  "\\\\evil.example",
  "[]",
  "-1",
];

const GARBAGE_HEADERS: Record<string, string>[] = [
  { authorization: "Bearer " + "x".repeat(2000) },
  { authorization: "Basic %%%" },
  { authorization: "garbage" },
  { cookie: "next-auth.session-token=garbage; next-auth.csrf-token=%ZZ" },
  { cookie: `next-auth.session-token=${"x".repeat(3000)}` },
  { accept: "application/x-nonsense;q=abc" },
  { "accept-language": "%%%;q=2" },
  { range: "bytes=999999999999-0" },
  { range: "bytes=-,-,-" },
  { "if-none-match": '"\\u0000"' },
];

/** Every case, from one seed. */
function buildCases(random: () => number): Case[] {
  const pick = <T>(items: T[]): T => items[Math.floor(random() * items.length)]!;
  const cases: Case[] = [];
  const json = { "content-type": "application/json" };

  // 1. Every method on every route, with a body where a method carries one.
  const everyRoute: [string, string][] = [
    ["/api/health", "/api/health"],
    ["/api/webhooks/stripe", "/api/webhooks/stripe"],
    ["/api/v1/licenses/validate", "/api/v1/licenses/validate"],
    ["/api/v1/licenses/activate", "/api/v1/licenses/activate"],
    ["/api/v1/licenses/deactivate", "/api/v1/licenses/deactivate"],
    ["/api/v1/licenses/public-key", "/api/v1/licenses/public-key"],
    ["/api/v1/openapi.json", "/api/v1/openapi.json"],
    ["/api/auth/[...nextauth]", "/api/auth/csrf"],
    ["/api/auth/[...nextauth]", "/api/auth/session"],
    ["/api/auth/[...nextauth]", "/api/auth/providers"],
    ["/api/auth/[...nextauth]", "/api/auth/signout"],
    ["/api/auth/[...nextauth]", "/api/auth/callback/email"],
    ["/api/downloads/[token]", "/api/downloads/not-a-token"],
    ["/api/admin/purchases.csv", "/api/admin/purchases.csv"],
    ["/products/[slug]", "/products/pixelmate"],
    ["/license/[tier]", "/license/personal"],
    ["/checkout/success", "/checkout/success?session_id=cs_test_x"],
    ["/account/purchases/[purchaseId]/receipt", "/account/purchases/x/receipt"],
    ["/signin", "/signin"],
    ["/signin/error", "/signin/error?error=Verification"],
  ];
  for (const [route, path] of everyRoute) {
    for (const method of METHODS) {
      const withBody = method !== "GET" && method !== "HEAD";
      cases.push({
        route,
        method,
        path,
        headers: withBody ? json : undefined,
        body: withBody ? pick(WRONG_JSON_BODIES) : undefined,
      });
    }
  }

  // 2. The license API: wrong JSON, wrong types per field, unknown fields, wrong content types.
  const licenseFields: Record<string, string[]> = {
    "/api/v1/licenses/validate": ["key", "fingerprint"],
    "/api/v1/licenses/activate": ["key", "fingerprint", "label", "platform"],
    "/api/v1/licenses/deactivate": ["key", "fingerprint"],
  };
  for (const [route, fields] of Object.entries(licenseFields)) {
    for (const body of WRONG_JSON_BODIES)
      cases.push({ route, method: "POST", path: route, headers: json, body });
    for (const field of fields) {
      for (const value of HOSTILE_VALUES) {
        const valid = Object.fromEntries(fields.map((name) => [name, "PXM-FUZZ-0000"]));
        cases.push({
          route,
          method: "POST",
          path: route,
          headers: json,
          body: JSON.stringify({ ...valid, [field]: value }),
        });
      }
    }
    cases.push(
      { route, method: "POST", path: route, headers: json, body: '{"key":"k","unknown":1}' },
      { route, method: "POST", path: route, headers: { "content-type": "text/plain" }, body: "{}" },
      {
        route,
        method: "POST",
        path: route,
        headers: { "content-type": "multipart/form-data" },
        body: "--x",
      },
      {
        route,
        method: "POST",
        path: route,
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: "key=a",
      },
      {
        route,
        method: "POST",
        path: `${route}?key=%00`,
        headers: { ...json, ...pick(GARBAGE_HEADERS) },
        body: "{}",
      },
    );
  }
  // Oversized: a few only.
  cases.push(
    {
      route: "/api/v1/licenses/validate",
      method: "POST",
      path: "/api/v1/licenses/validate",
      headers: json,
      body: JSON.stringify({ key: "k".repeat(2_000_000) }),
    },
    {
      route: "/api/v1/licenses/activate",
      method: "POST",
      path: "/api/v1/licenses/activate",
      headers: json,
      body: Buffer.alloc(150_000, 0xff),
    },
  );

  // 3. The Stripe webhook: missing and garbage signatures, any body.
  const signatures: (string | undefined)[] = [
    undefined,
    "",
    "garbage",
    "t=,v1=",
    "t=abc,v1=def",
    `t=${Math.floor(Date.now() / 1000)},v1=${"0".repeat(64)}`,
    "t=1,v1=" + "a".repeat(5000),
    "t=-1e309,v0=x,v1=x,v1=y",
    "\u00ff\u00fe",
  ];
  const webhookBodies = [
    ...WRONG_JSON_BODIES.slice(0, 14),
    '{"id":"evt_x","type":"checkout.session.completed","data":{"object":null}}',
    '{"id":null,"type":42}',
  ];
  for (const signature of signatures) {
    for (let i = 0; i < 5; i++) {
      cases.push({
        route: "/api/webhooks/stripe",
        method: "POST",
        path: "/api/webhooks/stripe",
        headers: {
          "content-type": pick(["application/json", "text/plain", "application/octet-stream"]),
          ...(signature === undefined ? {} : { "stripe-signature": signature }),
        },
        body: pick(webhookBodies),
      });
    }
  }
  cases.push({
    route: "/api/webhooks/stripe",
    method: "POST",
    path: "/api/webhooks/stripe",
    headers: { "content-type": "application/json", "stripe-signature": "t=1,v1=x" },
    body: `{"x":"${"y".repeat(1_500_000)}"}`,
  });

  // 4. next-auth. Form posts to /api/auth/signin/email count against this machine's sign-in
  // budget (shared by every spec on 127.0.0.1), so that path only gets refusals made before
  // counting (content type, size); the form fuzz goes to the other paths, which parse the same form.
  const authPaths = [
    "csrf",
    "session",
    "providers",
    "signin",
    "signin/email",
    "signin/nope",
    "callback/email",
    "callback/nope",
    "signout",
    "error",
    "verify-request",
    "_log",
    "nope/nope/nope",
    HOSTILE_SEGMENTS[6]!,
    "%ZZ",
    "%00",
  ];
  const authQueries = ["callbackUrl", "token", "email", "error", "csrf"];
  for (const path of authPaths) {
    for (let i = 0; i < 3; i++) {
      const query = `${pick(authQueries)}=${pick(HOSTILE_QUERY_VALUES)}&${pick(authQueries)}=${pick(HOSTILE_QUERY_VALUES)}`;
      cases.push({
        route: "/api/auth/[...nextauth]",
        method: "GET",
        path: `/api/auth/${path}?${query}`,
        headers: pick(GARBAGE_HEADERS),
      });
    }
  }
  const formPaths = [
    "callback/email",
    "signout",
    "signin",
    "signin/nope",
    "callback/nope",
    "session",
    "_log",
  ];
  const formFields = ["email", "csrfToken", "callbackUrl", "json", "token"];
  for (const path of formPaths) {
    for (let i = 0; i < 6; i++) {
      const form = formFields
        .filter(() => random() < 0.7)
        .map((field) => `${field}=${pick(HOSTILE_QUERY_VALUES)}`)
        .join("&");
      cases.push({
        route: "/api/auth/[...nextauth]",
        method: "POST",
        path: `/api/auth/${path}`,
        headers: { "content-type": "application/x-www-form-urlencoded", ...pick(GARBAGE_HEADERS) },
        body: i === 0 ? "%%%&&==\u0000" : form,
      });
    }
  }
  for (const contentType of [
    "application/json",
    "text/plain",
    "multipart/form-data; boundary=x",
    "",
  ]) {
    cases.push({
      route: "/api/auth/[...nextauth]",
      method: "POST",
      path: "/api/auth/signin/email",
      headers: contentType ? { "content-type": contentType } : {},
      body: pick(WRONG_JSON_BODIES),
    });
  }
  cases.push({
    route: "/api/auth/[...nextauth]",
    method: "POST",
    path: "/api/auth/signin/email",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: `email=${"a".repeat(200_000)}`,
  });

  // 5. Downloads: malformed tokens, methods, ranges.
  for (const segment of HOSTILE_SEGMENTS) {
    for (const method of ["GET", "HEAD"] as const) {
      cases.push({
        route: "/api/downloads/[token]",
        method,
        path: `/api/downloads/${segment}`,
        headers: pick(GARBAGE_HEADERS),
      });
    }
  }

  // 6. The purchases export: malformed filters, as each caller.
  const filterFields = ["from", "to", "status", "product", "tier", "test"];
  for (const caller of ["admin", "admin", "admin", "customer", "anonymous"] as const) {
    for (const field of filterFields) {
      cases.push({
        route: "/api/admin/purchases.csv",
        method: "GET",
        path: `/api/admin/purchases.csv?${field}=${pick(HOSTILE_QUERY_VALUES)}&${field}=2026-13-45`,
        caller,
      });
    }
  }

  // 7. Pages with parameters.
  const dynamicPages: { route: string; path: (segment: string) => string; caller?: Caller }[] = [
    { route: "/products/[slug]", path: (s) => `/products/${s}` },
    { route: "/license/[tier]", path: (s) => `/license/${s}` },
    {
      route: "/account/purchases/[purchaseId]/receipt",
      path: (s) => `/account/purchases/${s}/receipt`,
      caller: "customer",
    },
    {
      route: "/account/purchases/[purchaseId]",
      path: (s) => `/account/purchases/${s}`,
      caller: "customer",
    },
    { route: "/admin/licenses/[licenseId]", path: (s) => `/admin/licenses/${s}`, caller: "admin" },
    { route: "/admin/emails/[emailId]", path: (s) => `/admin/emails/${s}`, caller: "admin" },
  ];
  for (const page of dynamicPages) {
    for (const segment of HOSTILE_SEGMENTS) {
      cases.push({
        route: page.route,
        method: "GET",
        path: page.path(segment),
        caller: page.caller,
      });
    }
  }
  const queryPages: { route: string; path: string; parameter: string }[] = [
    { route: "/checkout/success", path: "/checkout/success", parameter: "session_id" },
    { route: "/signin", path: "/signin", parameter: "callbackUrl" },
    { route: "/signin/error", path: "/signin/error", parameter: "error" },
  ];
  for (const page of queryPages) {
    for (const value of HOSTILE_QUERY_VALUES) {
      cases.push({
        route: page.route,
        method: "GET",
        path: `${page.path}?${page.parameter}=${value}`,
      });
    }
    cases.push(
      {
        route: page.route,
        method: "GET",
        path: `${page.path}?${page.parameter}=a&${page.parameter}=b`,
      },
      { route: page.route, method: "GET", path: `${page.path}?${page.parameter}[]=x` },
    );
  }
  // Shaped like a Checkout Session id, so the lookup reaches Stripe (2 of this address's 60 a minute).
  for (const id of [`cs_test_${"Z".repeat(200)}`, `cs_live_${"0".repeat(10)}`]) {
    cases.push({
      route: "/checkout/success",
      method: "GET",
      path: `/checkout/success?session_id=${id}`,
    });
  }
  cases.push({
    route: "/products/[slug]",
    method: "POST",
    path: "/products/pixelmate",
    headers: { "content-type": "text/plain" },
    body: "x".repeat(120_000),
  });
  return cases;
}

// A Node stack frame ("    at fn (/path/file.js:1:2)") or an error name followed by one.
const STACK_TRACE = /(\n\s*at .*[/\\][^\s)]*:\d+:\d+)|(\b\w*Error: [^\n]*\n\s*at )/;

test("malformed requests to every route handler and page with parameters never get a 5xx", async ({
  request,
  baseURL,
}) => {
  test.setTimeout(300_000);
  const callers: Record<Caller, APIRequestContext> = {
    anonymous: request,
    customer: await signedInRequest(baseURL!, uniqueEmail("fuzz-routes")),
    admin: await signedInRequest(baseURL!, "admin@keyfront.test"),
  };
  try {
    const cases = buildCases(seededRandom(SEED));
    const offenders: string[] = [];
    const statuses = new Map<number, number>();
    for (const attempt of cases) {
      const response = await callers[attempt.caller ?? "anonymous"].fetch(attempt.path, {
        method: attempt.method,
        headers: attempt.headers,
        data: attempt.body,
        maxRedirects: 0,
        failOnStatusCode: false,
      });
      const status = response.status();
      const text = attempt.method === "HEAD" ? "" : await response.text();
      statuses.set(status, (statuses.get(status) ?? 0) + 1);
      if (status >= 500 || STACK_TRACE.test(text)) {
        const sent = attempt.body === undefined ? "" : String(attempt.body).slice(0, 80);
        offenders.push(
          `${status} ${attempt.method} ${attempt.path.slice(0, 120)} as ${attempt.caller ?? "anonymous"}` +
            ` headers=${JSON.stringify(attempt.headers ?? {}).slice(0, 120)} body=${JSON.stringify(sent)}` +
            ` answer=${JSON.stringify(text.slice(0, 200))}`,
        );
      }
    }
    const routes = new Set(cases.map((attempt) => attempt.route));
    const byStatus = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}: ${n}`)
      .join(", ");
    console.log(
      `fuzzed ${cases.length} requests across ${routes.size} routes (seed ${SEED}; ${byStatus}):` +
        ` ${offenders.length} ≥ 500 or with a stack trace`,
    );
    expect(cases.length).toBeGreaterThanOrEqual(500);
    expect(offenders, `seed ${SEED}`).toEqual([]);
  } finally {
    await Promise.all([callers.customer.dispose(), callers.admin.dispose()]);
  }
});
