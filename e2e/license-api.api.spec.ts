import { execFile } from "node:child_process";
import { createPrivateKey, randomBytes, sign } from "node:crypto";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test, type APIRequestContext } from "@playwright/test";
import { withAppDatabase } from "./support/app-database";
import { schemaProblems } from "./support/json-schema";

type OpenApi = {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: { "application/json": { schema: object } } };
        responses: Record<string, { content?: { "application/json": { schema: object } } }>;
      }
    >
  >;
  components: { schemas: Record<string, object> };
};

/** A license for a seeded product, inserted as fulfilment would store it (2 seats). */
async function insertLicense(options: { certificate?: string } = {}) {
  const key = `PXM-${randomBytes(10).toString("hex").toUpperCase().slice(0, 5)}-E2E00-E2E00-E2E00-E2E00`;
  await withAppDatabase((client) =>
    client.query(
      `INSERT INTO "License" (id, "keyCiphertext", "keyHash", "productId", "tierId", "customerEmail", "seatLimit", "certificateCiphertext", "updatedAt")
       SELECT $1, $2, encode(sha256(convert_to($2, 'UTF8')), 'hex'), p.id, t.id, 'api@example.com', 2, $3, now()
       FROM "Product" p JOIN "Tier" t ON t."productId" = p.id WHERE p.slug = 'pixelmill' AND t.kind = 'COMMERCIAL'`,
      [`e2e${randomBytes(8).toString("hex")}`, key, options.certificate ?? "unused.unused"],
    ),
  );
  return key;
}

async function expectDocumented(
  request: APIRequestContext,
  doc: OpenApi,
  route: string,
  method: "get" | "post",
  data?: unknown,
  raw?: string,
) {
  const response =
    method === "get"
      ? await request.get(route)
      : await request.post(
          route,
          raw === undefined
            ? { data }
            : { data: Buffer.from(raw), headers: { "content-type": "application/json" } },
        );
  const documented = doc.paths[route]![method]!.responses[String(response.status())];
  expect(
    documented,
    `${method.toUpperCase()} ${route} answered an undocumented ${response.status()}`,
  ).toBeDefined();
  const schema = documented!.content?.["application/json"]?.schema;
  if (schema) expect(schemaProblems(await response.json(), schema, doc)).toEqual([]);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  return response;
}

test("every documented license API route answers as documented", async ({ request }) => {
  const doc = (await (await request.get("/api/v1/openapi.json")).json()) as OpenApi;
  expect(Object.keys(doc.paths).sort()).toEqual([
    "/api/v1/licenses/activate",
    "/api/v1/licenses/deactivate",
    "/api/v1/licenses/public-key",
    "/api/v1/licenses/validate",
    "/api/v1/openapi.json",
  ]);
  const key = await insertLicense();
  const post = (route: string, data: unknown) =>
    expectDocumented(request, doc, route, "post", data);

  expect((await post("/api/v1/licenses/validate", { key })).status()).toBe(200);
  expect((await post("/api/v1/licenses/validate", { key: "PXM-NOPE" })).status()).toBe(404);
  expect((await post("/api/v1/licenses/validate", { key, fingerprint: "e2e-1" })).status()).toBe(
    200,
  );
  expect(
    (
      await post("/api/v1/licenses/activate", {
        key,
        fingerprint: "e2e-1",
        label: "CI box",
        platform: "linux",
      })
    ).status(),
  ).toBe(201);
  expect((await post("/api/v1/licenses/activate", { key, fingerprint: "e2e-1" })).status()).toBe(
    200,
  );
  expect((await post("/api/v1/licenses/activate", { key, fingerprint: "e2e-2" })).status()).toBe(
    201,
  );
  expect((await post("/api/v1/licenses/activate", { key, fingerprint: "e2e-3" })).status()).toBe(
    409,
  );
  expect(
    (await post("/api/v1/licenses/activate", { key: "PXM-NOPE", fingerprint: "e2e-1" })).status(),
  ).toBe(404);
  expect((await post("/api/v1/licenses/deactivate", { key, fingerprint: "e2e-1" })).status()).toBe(
    200,
  );
  expect((await post("/api/v1/licenses/deactivate", { key, fingerprint: "e2e-1" })).status()).toBe(
    404,
  );
  expect((await post("/api/v1/licenses/validate", { key, extra: 1 })).status()).toBe(422);
  expect(
    (
      await expectDocumented(request, doc, "/api/v1/licenses/validate", "post", undefined, "{oops")
    ).status(),
  ).toBe(400);
  expect((await post("/api/v1/licenses/validate", { key, pad: "x".repeat(20_000) })).status()).toBe(
    413,
  );

  await withAppDatabase((client) =>
    client.query(
      `UPDATE "License" SET status = 'REVOKED' WHERE "keyHash" = encode(sha256(convert_to($1, 'UTF8')), 'hex')`,
      [key],
    ),
  );
  expect((await post("/api/v1/licenses/activate", { key, fingerprint: "e2e-4" })).status()).toBe(
    403,
  );
  const revoked = await post("/api/v1/licenses/validate", { key });
  expect(await revoked.json()).toMatchObject({ valid: false, code: "REVOKED" });

  expect(
    (await expectDocumented(request, doc, "/api/v1/licenses/public-key", "get")).status(),
  ).toBe(200);
  expect((await expectDocumented(request, doc, "/api/v1/openapi.json", "get")).status()).toBe(200);
});

test("a browser on another origin may call the API without credentials", async ({ request }) => {
  const response = await request.fetch("/api/v1/licenses/validate", {
    method: "OPTIONS",
    headers: {
      origin: "https://app.example.com",
      "access-control-request-method": "POST",
      "access-control-request-headers": "content-type",
    },
  });
  expect(response.status()).toBe(204);
  expect(response.headers()["access-control-allow-origin"]).toBe("*");
  expect(response.headers()["access-control-allow-credentials"]).toBeUndefined();
});

/** A certificate signed with the e2e server's own key (generated into its DATA_DIR). */
function signCertificate(key: string) {
  const { licenseSigningKeyPem } = JSON.parse(
    readFileSync(".data/e2e/local-secrets.json", "utf8"),
  ) as { licenseSigningKeyPem: string };
  // Canonical JSON: keys in sorted order.
  const payload = Buffer.from(
    JSON.stringify({
      expiresAt: null,
      features: ["Commercial use"],
      issuedAt: new Date().toISOString(),
      key,
      product: "pixelmill",
      seats: 2,
      tier: "commercial",
      v: 1,
    }),
  );
  return `${payload.toString("base64url")}.${sign(null, payload, createPrivateKey(licenseSigningKeyPem)).toString("base64url")}`;
}

test("the example desktop app validates online, and falls back to the certificate offline", async ({
  baseURL,
}) => {
  const key = await insertLicense();
  const certificate = signCertificate(key);
  const state = mkdtempSync(path.join(tmpdir(), "keyfront-example-"));
  writeFileSync(path.join(state, "license.certificate"), certificate);
  const run = promisify(execFile);
  const env = { ...process.env, KEYFRONT_URL: baseURL!, LICENSE_KEY: key, APP_STATE_DIR: state };

  const online = await run("npx", ["tsx", "examples/desktop-app.ts"], { env });
  expect(online.stdout).toContain("online: license valid");

  const offline = await run("npx", ["tsx", "examples/desktop-app.ts"], {
    env: { ...env, KEYFRONT_URL: "http://127.0.0.1:9" },
  });
  expect(offline.stdout).toContain("offline: certificate valid for pixelmill (commercial)");

  writeFileSync(
    path.join(state, "license.certificate"),
    certificate.replace(/^./, (c) => (c === "e" ? "f" : "e")),
  );
  const tampered = await run("npx", ["tsx", "examples/desktop-app.ts"], {
    env: { ...env, KEYFRONT_URL: "http://127.0.0.1:9" },
  }).catch((error: { stdout: string }) => error);
  expect(tampered.stdout).toMatch(/offline: certificate rejected: (BAD_SIGNATURE|MALFORMED)/);
});
