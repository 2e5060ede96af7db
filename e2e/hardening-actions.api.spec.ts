import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { signedInRequest } from "./support/api-sign-in";
import { uniqueEmail } from "./support/journeys";

// Server actions are public POST endpoints that Next decodes before the app's code runs. Whatever
// a client sends them, the answer is a 4xx or the action's own refusal: never a 5xx, never an
// unhandled error (a 200 whose payload carries an error digest).

type Action = { id: string; name: string; audience: "admin" | "portal" | "storefront" | "cache" };
type Target = Action & { page: string };

/** Every server function the build registered, with a page that serves it. */
function actionsOfTheBuild(): Target[] {
  const manifest = JSON.parse(
    readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8"),
  ) as {
    node: Record<
      string,
      { workers: Record<string, unknown>; filename: string; exportedName: string }
    >;
  };
  return Object.entries(manifest.node).map(([id, entry]) => {
    const worker = Object.keys(entry.workers).find((name) => !name.includes("[")) ?? "";
    const page =
      worker
        .replace(/^app/, "")
        .replace(/\/\([^)]+\)/g, "")
        .replace(/\/page$/, "") || "/";
    const audience = entry.filename.includes("(admin)")
      ? "admin"
      : entry.filename.includes("(portal)")
        ? "portal"
        : entry.filename.includes("(storefront)")
          ? "storefront"
          : "cache";
    return { id, name: entry.exportedName, audience, page: worker ? page : "/pricing" };
  });
}

type Case = {
  name: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  multipart?: Record<string, string>;
  /** The answer this case must get, when it is one status. */
  status?: number;
};

const BOUNDARY = "----keyfrontfuzz";
const multipartBody = (fields: Record<string, string>) =>
  Object.entries(fields)
    .map(
      ([name, value]) =>
        `--${BOUNDARY}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`,
    )
    .join("") + `--${BOUNDARY}--\r\n`;

/** Malformed requests for one action id, from the obviously wrong to the nearly right. */
function casesFor(actionId: string, host: string): Case[] {
  const action = { "next-action": actionId };
  const text = { ...action, "content-type": "text/plain;charset=UTF-8" };
  const multipart = { ...action, "content-type": `multipart/form-data; boundary=${BOUNDARY}` };
  return [
    { name: "text: not JSON", headers: text, body: "not json at all" },
    { name: "text: an object, not an argument list", headers: text, body: "{}" },
    { name: "text: a dangling reference", headers: text, body: '["$@1"]' },
    { name: "text: a server reference", headers: text, body: '["$h1"]' },
    { name: "text: numbers for arguments", headers: text, body: "[1,2,3]" },
    { name: "text: a string for the form", headers: text, body: '[{},"licenseId=x"]' },
    { name: "text: null arguments", headers: text, body: "[null,null]" },
    { name: "text: no arguments", headers: text, body: "[]" },
    { name: "text: empty body", headers: text, body: "" },
    { name: "multipart: not multipart", headers: multipart, body: "garbage" },
    {
      name: "multipart: truncated",
      headers: multipart,
      body: `--${BOUNDARY}\r\nContent-Disposition: form-data; name="0"\r\n\r\n["$K1"]`,
    },
    { name: "multipart: no argument row", headers: multipart, multipart: { "1_x": "y" } },
    { name: "multipart: argument row not JSON", headers: multipart, multipart: { "0": "{{{" } },
    {
      name: "multipart: a reference to a missing row",
      headers: multipart,
      multipart: { "0": '["$Q2"]' },
    },
    { name: "multipart: an empty form", headers: multipart, multipart: { "0": '[{},"$K1"]' } },
    {
      name: "multipart: hostile field values",
      headers: multipart,
      multipart: {
        "0": '[{},"$K1"]',
        "1_licenseId": "../../etc/passwd",
        "1_email": "\u0000",
        "1_status": "x".repeat(5000),
        "1_days": "-1e309",
      },
    },
    {
      name: "multipart: the form where the state belongs",
      headers: multipart,
      multipart: { "0": '["$K1",{}]', "1_x": "1" },
    },
    {
      name: "JSON content type",
      headers: { ...action, "content-type": "application/json" },
      body: "[]",
      status: 415,
    },
    {
      name: "binary content type",
      headers: { ...action, "content-type": "application/octet-stream" },
      body: Buffer.from([0, 1, 2, 255]),
      status: 415,
    },
    { name: "no content type", headers: action, body: "[]" },
    {
      name: "urlencoded fetch action",
      headers: { ...action, "content-type": "application/x-www-form-urlencoded" },
      body: "a=b",
    },
    { name: "oversized body", headers: text, body: `["${"x".repeat(200_000)}"]`, status: 413 },
    {
      name: "cross-origin",
      headers: { ...text, origin: "https://evil.example" },
      body: "[]",
      status: 403,
    },
    { name: "origin null", headers: { ...text, origin: "null" }, body: "[]", status: 403 },
    { name: "origin not a URL", headers: { ...text, origin: "::::" }, body: "[]", status: 403 },
    {
      name: "same origin, right shape",
      headers: { ...text, origin: `http://${host}` },
      body: "[{},null]",
    },
    {
      name: "no-JS form post naming the action, garbage bound arguments",
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      multipart: {
        [`$ACTION_REF_1`]: "",
        "$ACTION_1:0": `{"id":"${actionId}","bound":"$@1"}`,
        "$ACTION_1:1": "{{",
      },
    },
    {
      name: "no-JS form post naming the action",
      headers: { "content-type": `multipart/form-data; boundary=${BOUNDARY}` },
      multipart: { [`$ACTION_ID_${actionId}`]: "", licenseId: "x" },
    },
  ];
}

/** Malformed requests that name no real action. */
function casesWithoutAnAction(): Case[] {
  const multipart = { "content-type": `multipart/form-data; boundary=${BOUNDARY}` };
  return [
    {
      name: "action id not hex",
      headers: { "next-action": "not-an-id", "content-type": "text/plain" },
      body: "[]",
      status: 400,
    },
    {
      name: "action id too long",
      headers: { "next-action": "7f".repeat(40), "content-type": "text/plain" },
      body: "[]",
      status: 400,
    },
    {
      name: "action id with a newline",
      headers: { "next-action": "7f\\n", "content-type": "text/plain" },
      body: "[]",
      status: 400,
    },
    {
      name: "unknown action id",
      headers: { "next-action": `7f${"0".repeat(40)}`, "content-type": "text/plain" },
      body: "[]",
    },
    {
      name: "form post, unknown action",
      headers: multipart,
      multipart: { [`$ACTION_ID_${"0".repeat(42)}`]: "" },
    },
    { name: "form post, action id not hex", headers: multipart, multipart: { $ACTION_ID_zz: "" } },
    { name: "form post, broken multipart", headers: multipart, body: "--nope" },
    {
      name: "form post, too many action refs",
      headers: multipart,
      multipart: { $ACTION_REF_1: "", $ACTION_REF_2: "", $ACTION_REF_3: "" },
    },
  ];
}

async function send(request: APIRequestContext, page: string, attempt: Case) {
  const response = await request.post(page, {
    headers: attempt.headers,
    data: attempt.multipart ? multipartBody(attempt.multipart) : attempt.body,
    maxRedirects: 0,
  });
  return { status: response.status(), body: await response.text() };
}

test.describe("malformed server-action requests", () => {
  let customer: APIRequestContext;
  let admin: APIRequestContext;

  test.beforeAll(async ({ baseURL }) => {
    customer = await signedInRequest(baseURL!, uniqueEmail("fuzz-customer"));
    admin = await signedInRequest(baseURL!, "admin@keyfront.test");
  });
  test.afterAll(async () => {
    await Promise.all([customer?.dispose(), admin?.dispose()]);
  });

  test("never get a 5xx or an unhandled error, on any action, as anyone", async ({
    request,
    baseURL,
  }) => {
    test.setTimeout(180_000);
    const host = new URL(baseURL!).host;
    const actions = actionsOfTheBuild();
    expect(actions.map((action) => action.audience)).toEqual(
      expect.arrayContaining(["admin", "portal", "storefront"]),
    );
    const callers = { anonymous: request, customer, admin };
    const failures: string[] = [];
    let sent = 0;
    const statuses = new Map<number, number>();
    const check = async (who: keyof typeof callers, page: string, label: string, attempt: Case) => {
      const answer = await send(callers[who], page, attempt);
      sent++;
      statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
      const unhandled = answer.status === 200 && /"digest"/.test(answer.body);
      const wrongStatus = attempt.status !== undefined && answer.status !== attempt.status;
      if (answer.status >= 500 || unhandled || wrongStatus) {
        failures.push(
          `${label} as ${who} on ${page}, ${attempt.name}: ${answer.status} ${answer.body.slice(0, 120)}`,
        );
      }
    };

    for (const action of actions) {
      // Each action from the people it serves, and from someone it does not.
      const askers: (keyof typeof callers)[] =
        action.audience === "admin"
          ? ["admin", "customer"]
          : action.audience === "portal"
            ? ["customer", "anonymous"]
            : ["anonymous"];
      for (const who of askers) {
        for (const attempt of casesFor(action.id, host)) {
          await check(who, action.page, action.name, attempt);
        }
      }
    }
    for (const page of ["/", "/pricing", "/account", "/admin", "/admin/licenses"]) {
      for (const attempt of casesWithoutAnAction()) {
        await check(page.startsWith("/admin") ? "admin" : "customer", page, "no action", attempt);
      }
    }
    const byStatus = [...statuses]
      .sort(([a], [b]) => a - b)
      .map(([status, n]) => `${status}: ${n}`);
    console.log(`${sent} malformed server-action requests (${byStatus.join(", ")})`);
    expect(sent).toBeGreaterThanOrEqual(50);
    expect(failures).toEqual([]);
  });
});

test("a control character in callbackUrl is refused with 400", async ({ request }) => {
  for (const url of [
    "/signin?callbackUrl=%2Faccount%0D%0ASet-Cookie%3A%20x%3D1",
    "/signin?callbackUrl=%00",
    "/api/auth/signin?callbackUrl=%2Faccount%0D%0A",
    "/api/auth/signin/email?callbackUrl=%0A",
    "/api/auth/callback/email?callbackUrl=%0D%0A&token=x&email=a%40example.com",
  ]) {
    const response = await request.get(url, { maxRedirects: 0 });
    expect(response.status(), url).toBe(400);
  }
  const withCookie = await request.get("/api/auth/session", {
    headers: { cookie: "next-auth.callback-url=%2Fa%0D%0Ab" },
  });
  expect(withCookie.status()).toBe(400);
  // An ordinary callback URL still works.
  expect((await request.get("/signin?callbackUrl=%2Faccount")).status()).toBe(200);
});
