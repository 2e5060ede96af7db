import { describe, expect, it } from "vitest";
import { POST as activate } from "@/app/api/v1/licenses/activate/route";
import { POST as deactivate } from "@/app/api/v1/licenses/deactivate/route";
import { OPTIONS as preflight, POST as validate } from "@/app/api/v1/licenses/validate/route";
import { db } from "@/lib/db";
import { fromClient } from "@/test/client-address";
import { createLicense, uniqueSuffix } from "@/test/factories";
import { itOnPostgres } from "@/test/on-postgres";

type Handler = (request: Request) => Promise<Response>;

// The shape of every license API answer, loosely: each test reads the fields its case has.
type ApiBody = {
  valid: boolean;
  ok: boolean;
  code: string;
  message: string;
  license: { status: string; seats: { used: number; limit: number } };
  activation: { id: string; fingerprint: string; label: string | null };
  error: { code: string; message: string };
};

let ipCounter = 0;
async function call(handler: Handler, body: unknown, options: { raw?: string; ip?: string } = {}) {
  const response = await handler(
    new Request("http://localhost/api/v1/licenses", {
      method: "POST",
      headers: {
        "content-type": "application/json",
        ...fromClient(options.ip ?? `10.9.${ipCounter++ % 250}.1`),
      },
      body: options.raw ?? JSON.stringify(body),
    }),
  );
  return {
    status: response.status,
    headers: response.headers,
    body: (await response.json()) as ApiBody,
  };
}

describe("POST /api/v1/licenses/validate", () => {
  it("answers VALID with the license, and counts the validation", async () => {
    const { license, product } = await createLicense({ seatLimit: 3 });
    const { status, body, headers } = await call(validate, { key: license.key.toLowerCase() });
    expect(status).toBe(200);
    expect(body).toEqual({
      valid: true,
      code: "VALID",
      message: "The license is valid.",
      license: {
        status: "ACTIVE",
        product: product.slug,
        tier: "commercial",
        features: ["feature 1"],
        expiresAt: null,
        seats: { used: 0, limit: 3 },
      },
    });
    expect(headers.get("access-control-allow-origin")).toBe("*");
    const counted = await db.license.findUniqueOrThrow({ where: { id: license.id } });
    expect(counted.validationCount).toBe(1);
    expect(counted.lastValidatedAt).toBeInstanceOf(Date);
  });

  it("answers 404 NOT_FOUND for an unknown key", async () => {
    const { status, body } = await call(validate, { key: `TEST-${uniqueSuffix()}` });
    expect([status, body.code, body.valid, body.license]).toEqual([404, "NOT_FOUND", false, null]);
  });

  it("sees a revocation or suspension at the next validation, and still answers 200 with the status", async () => {
    const { license } = await createLicense();
    await db.license.update({ where: { id: license.id }, data: { status: "SUSPENDED" } });
    expect((await call(validate, { key: license.key })).body).toMatchObject({
      valid: false,
      code: "SUSPENDED",
    });
    await db.license.update({
      where: { id: license.id },
      data: { status: "REVOKED", expiresAt: new Date(Date.now() - 1000) },
    });
    const { status, body } = await call(validate, { key: license.key });
    expect([status, body.valid, body.code, body.license.status]).toEqual([
      200,
      false,
      "REVOKED",
      "REVOKED",
    ]);
  });

  it("answers EXPIRED after the expiry", async () => {
    const { license } = await createLicense({ tierIndex: 0 });
    await db.license.update({
      where: { id: license.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await call(validate, { key: license.key })).body).toMatchObject({
      valid: false,
      code: "EXPIRED",
    });
  });

  it("checks that the machine holds a seat when a fingerprint is given", async () => {
    const { license } = await createLicense();
    expect((await call(validate, { key: license.key, fingerprint: "m-1" })).body).toMatchObject({
      valid: false,
      code: "FINGERPRINT_NOT_ACTIVATED",
    });
    await call(activate, { key: license.key, fingerprint: "m-1" });
    expect((await call(validate, { key: license.key, fingerprint: "m-1" })).body).toMatchObject({
      valid: true,
      code: "VALID",
    });
  });
});

describe("simultaneous validations", () => {
  it("answers each as if it ran alone and counts every one", async () => {
    const [{ license: busy }, { license: revoked }] = [
      await createLicense(),
      await createLicense(),
    ];
    await call(activate, { key: busy.key, fingerprint: "m-live" });
    await db.license.update({ where: { id: revoked.id }, data: { status: "REVOKED" } });
    const seen = await db.activation.findFirstOrThrow({ where: { licenseId: busy.id } });

    const checks = [
      ...Array.from({ length: 20 }, () => ({ key: busy.key })),
      { key: busy.key, fingerprint: "m-live" },
      { key: busy.key, fingerprint: "m-other" },
      { key: revoked.key },
      { key: `TEST-${uniqueSuffix()}` },
    ];
    const answers = await Promise.all(checks.map((check) => call(validate, check)));

    expect(answers.map(({ status, body }) => [status, body.code])).toEqual([
      ...Array.from({ length: 20 }, () => [200, "VALID"]),
      [200, "VALID"],
      [200, "FINGERPRINT_NOT_ACTIVATED"],
      [200, "REVOKED"],
      [404, "NOT_FOUND"],
    ]);
    expect(answers[0]!.body.license.seats).toEqual({ used: 1, limit: 3 });
    const counted = await db.license.findUniqueOrThrow({ where: { id: busy.id } });
    expect(counted.validationCount).toBe(22);
    const touched = await db.activation.findUniqueOrThrow({ where: { id: seen.id } });
    expect(touched.lastSeenAt.getTime()).toBeGreaterThan(seen.lastSeenAt.getTime());
  });
});

describe("POST /api/v1/licenses/activate and deactivate", () => {
  it("claims a seat, is idempotent per machine, refuses past the limit, and frees seats", async () => {
    const { license } = await createLicense({ seatLimit: 2 });
    const first = await call(activate, {
      key: license.key,
      fingerprint: "m-a",
      label: "Studio iMac",
      platform: "macos",
    });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({
      ok: true,
      code: "ACTIVATED",
      activation: { fingerprint: "m-a", label: "Studio iMac", platform: "macos" },
      license: { seats: { used: 1, limit: 2 } },
    });

    const again = await call(activate, { key: license.key, fingerprint: "m-a" });
    expect([
      again.status,
      again.body.code,
      again.body.activation.id,
      again.body.activation.label,
    ]).toEqual([200, "ALREADY_ACTIVATED", first.body.activation.id, "Studio iMac"]);

    expect((await call(activate, { key: license.key, fingerprint: "m-b" })).status).toBe(201);
    const full = await call(activate, { key: license.key, fingerprint: "m-c" });
    expect([full.status, full.body.ok, full.body.code, full.body.license.seats]).toEqual([
      409,
      false,
      "SEAT_LIMIT_REACHED",
      { used: 2, limit: 2 },
    ]);

    const freed = await call(deactivate, { key: license.key, fingerprint: "m-a" });
    expect([freed.status, freed.body.code, freed.body.license.seats.used]).toEqual([
      200,
      "DEACTIVATED",
      1,
    ]);
    expect((await call(deactivate, { key: license.key, fingerprint: "m-a" })).body.code).toBe(
      "FINGERPRINT_NOT_ACTIVATED",
    );

    const back = await call(activate, { key: license.key, fingerprint: "m-a" });
    expect([back.status, back.body.activation.id]).toEqual([201, first.body.activation.id]);

    const audit = await db.auditLog.findMany({
      where: { entityId: first.body.activation.id },
      orderBy: { createdAt: "asc" },
    });
    expect(audit.map((row) => [row.action, row.actorType])).toEqual([
      ["activation.created", "API"],
      ["activation.deactivated", "API"],
      ["activation.created", "API"],
    ]);
  });

  it("refuses to activate a revoked, suspended or expired license with its code", async () => {
    for (const [data, code] of [
      [{ status: "REVOKED" }, "REVOKED"],
      [{ status: "SUSPENDED" }, "SUSPENDED"],
      [{ expiresAt: new Date(Date.now() - 1000) }, "EXPIRED"],
    ] as const) {
      const { license } = await createLicense();
      await db.license.update({ where: { id: license.id }, data });
      const { status, body } = await call(activate, { key: license.key, fingerprint: "m-1" });
      expect([status, body.code, body.activation]).toEqual([403, code, null]);
    }
  });

  itOnPostgres("lets exactly 3 of 20 simultaneous machines claim a 3-seat license", async () => {
    const { license } = await createLicense({ seatLimit: 3 });
    const answers = await Promise.all(
      Array.from({ length: 20 }, (_, index) =>
        call(activate, { key: license.key, fingerprint: `machine-${index}` }),
      ),
    );
    expect(answers.filter((answer) => answer.status === 201)).toHaveLength(3);
    expect(answers.filter((answer) => answer.body.code === "SEAT_LIMIT_REACHED")).toHaveLength(17);
    expect(
      await db.activation.count({ where: { licenseId: license.id, deactivatedAt: null } }),
    ).toBe(3);
  });
});

describe("bad input", () => {
  const strings = [
    "",
    " ",
    "x".repeat(101),
    "\u0000",
    "a\nb",
    "\u202e",
    "😀".repeat(60),
    "' OR 1=1 --",
    "<script>",
  ];
  const values: unknown[] = [null, true, 0, -1, 1e308, [], {}, ["a"], { a: 1 }, ...strings];

  function* badBodies(): Generator<{ raw: string }> {
    for (const raw of [
      "",
      "{",
      "not json",
      "[1,2",
      "\u0000",
      '{"key":}',
      "null",
      "[]",
      "42",
      '"key"',
    ])
      yield { raw };
    for (const key of values) {
      yield { raw: JSON.stringify({ key }) };
      yield { raw: JSON.stringify({ key, fingerprint: key }) };
      yield { raw: JSON.stringify({ key: "TEST-AAAAA", fingerprint: key }) };
      yield {
        raw: JSON.stringify({ key: "TEST-AAAAA", fingerprint: "m", label: key, platform: key }),
      };
    }
    yield { raw: JSON.stringify({ key: "TEST-AAAAA", fingerprint: "m", admin: true }) };
    yield {
      raw: JSON.stringify({ key: "TEST-AAAAA", fingerprint: "m", __proto__: { polluted: 1 } }),
    };
    yield { raw: JSON.stringify({ key: "TEST-AAAAA", fingerprint: "f".repeat(201) }) };
    yield {
      raw: JSON.stringify({ key: "TEST-AAAAA", fingerprint: "m", pad: "x".repeat(17 * 1024) }),
    };
  }

  it.each([
    ["validate", validate],
    ["activate", activate],
    ["deactivate", deactivate],
  ])(
    "%s answers every malformed body with a 4xx and a stable code, never a 500",
    async (_name, handler) => {
      const seen = new Set<string>();
      let count = 0;
      for (const { raw } of badBodies()) {
        const { status, body } = await call(handler, undefined, { raw });
        const acceptable = status >= 400 && status < 500 && typeof body.error?.message === "string";
        // A body that happens to be valid for validate (a key with no fingerprint) is a lookup, not an error.
        if (!acceptable && !(status === 404 && body.code === "NOT_FOUND"))
          throw new Error(`${status} for ${raw.slice(0, 80)}: ${JSON.stringify(body)}`);
        if (body.error) seen.add(body.error.code);
        count += 1;
      }
      expect(count).toBeGreaterThan(70);
      expect([...seen].sort()).toEqual(["INVALID_JSON", "PAYLOAD_TOO_LARGE", "VALIDATION_FAILED"]);
    },
  );

  it("names the offending field, including unknown ones", async () => {
    expect(
      (await call(activate, { key: "TEST-AAAAA", fingerprint: "m", admin: true })).body.error,
    ).toEqual({
      code: "VALIDATION_FAILED",
      message: 'Unrecognized key: "admin"',
    });
    expect((await call(validate, { key: 42 })).body.error.message).toMatch(/^key: /);
  });

  it("refuses a declared oversized body before reading it", async () => {
    const response = await validate(
      new Request("http://localhost/api/v1/licenses/validate", {
        method: "POST",
        headers: { "content-length": "99999" },
        body: "{}",
      }),
    );
    expect(response.status).toBe(413);
  });
});

describe("rate limits and CORS", () => {
  it("limits requests per key with 429 and Retry-After", async () => {
    const { license } = await createLicense();
    let limited: Awaited<ReturnType<typeof call>> | undefined;
    for (let attempt = 0; attempt < 125 && !limited; attempt += 1) {
      const answer = await call(validate, { key: license.key });
      if (answer.status === 429) limited = answer;
    }
    expect(limited?.body.error.code).toBe("RATE_LIMITED");
    expect(Number(limited?.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited?.headers.get("access-control-allow-origin")).toBe("*");
    // Another key from the same addresses is unaffected.
    const other = await createLicense();
    expect((await call(validate, { key: other.license.key })).status).toBe(200);
  });

  it("limits requests per client address", async () => {
    const ip = `10.77.${parseInt(uniqueSuffix().slice(0, 2), 16)}.9`;
    await db.rateLimit.upsert({
      where: { key: `license-api:ip:${ip}` },
      create: { key: `license-api:ip:${ip}`, count: 1200, resetAt: new Date(Date.now() + 30_000) },
      update: { count: 1200, resetAt: new Date(Date.now() + 30_000) },
    });
    const { status, headers } = await call(validate, { key: "TEST-ANY" }, { ip });
    expect(status).toBe(429);
    expect(Number(headers.get("retry-after"))).toBeLessThanOrEqual(30);
  });

  it("answers CORS preflights for any origin without credentials", async () => {
    const response = preflight();
    expect(response.status).toBe(204);
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
    expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    expect(response.headers.get("access-control-allow-methods")).toContain("POST");
  });
});
