import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { parseConfig } from ".";

const dataDir = () => mkdtempSync(path.join(tmpdir(), "keyfront-config-"));
const DB = "postgresql://postgres@127.0.0.1:5432/keyfront";

describe("parseConfig", () => {
  it("runs locally on generated defaults, reusing the same secrets across restarts", () => {
    const dir = dataDir();
    const first = parseConfig({ DATABASE_URL: DB, DATA_DIR: dir });
    const second = parseConfig({ DATABASE_URL: DB, DATA_DIR: dir });
    expect(first.mode).toBe("local");
    expect(first.appUrl).toBe("http://localhost:3000");
    expect(first.storageDir).toBe(path.join(dir, "storage"));
    expect(first.authSecret.length).toBeGreaterThanOrEqual(32);
    expect(first.licenseSigningKeyPem).toMatch(/BEGIN PRIVATE KEY/);
    expect(second.authSecret).toBe(first.authSecret);
    expect(second.licenseSigningKeyPem).toBe(first.licenseSigningKeyPem);
  });

  it("refuses to start in production without its secrets, naming each missing one", () => {
    expect(() =>
      parseConfig({ NODE_ENV: "production", DATABASE_URL: DB, AUTH_SECRET: "x".repeat(32) }),
    ).toThrow(
      "Missing required configuration for production: APP_URL, LICENSE_SIGNING_KEY, " +
        "LICENSE_KEY_ENCRYPTION_KEY, STRIPE_SECRET_KEY, STRIPE_WEBHOOK_SECRET, RESEND_API_KEY, " +
        "EMAIL_FROM.",
    );
  });

  it("accepts a complete production environment and never generates secrets for it", () => {
    const dir = dataDir();
    const config = parseConfig({
      NODE_ENV: "production",
      DATA_DIR: dir,
      APP_URL: "https://shop.example.com/",
      DATABASE_URL: DB,
      NEXTAUTH_SECRET: "s".repeat(32),
      LICENSE_SIGNING_KEY: "-----BEGIN PRIVATE KEY-----",
      LICENSE_KEY_ENCRYPTION_KEY: "ab".repeat(32),
      STRIPE_SECRET_KEY: "sk_live_x",
      STRIPE_WEBHOOK_SECRET: "whsec_x",
      RESEND_API_KEY: "re_x",
      EMAIL_FROM: "Shop <shop@example.com>",
      ADMIN_EMAILS: " Owner@Example.com, ,ops@example.com",
    });
    expect(config.mode).toBe("production");
    expect(config.appUrl).toBe("https://shop.example.com");
    expect(config.authSecret).toBe("s".repeat(32));
    expect(config.adminEmails).toEqual(["owner@example.com", "ops@example.com"]);
    expect(config.licenseKeyEncryptionKey).toBe("ab".repeat(32));
    expect(existsSync(path.join(dir, "local-secrets.json"))).toBe(false);
  });

  it("generates a license key encryption key locally, and keeps one for a data directory from before it", () => {
    const dir = dataDir();
    const generated = parseConfig({ DATABASE_URL: DB, DATA_DIR: dir }).licenseKeyEncryptionKey;
    expect(Buffer.from(generated, "base64")).toHaveLength(32);
    expect(parseConfig({ DATABASE_URL: DB, DATA_DIR: dir }).licenseKeyEncryptionKey).toBe(
      generated,
    );

    // local-secrets.json as written before license keys were encrypted: the same key every time.
    const older = dataDir();
    writeFileSync(
      path.join(older, "local-secrets.json"),
      JSON.stringify({ authSecret: "a".repeat(43), licenseSigningKeyPem: "pem" }),
    );
    const derived = parseConfig({ DATABASE_URL: DB, DATA_DIR: older }).licenseKeyEncryptionKey;
    expect(Buffer.from(derived, "base64")).toHaveLength(32);
    expect(parseConfig({ DATABASE_URL: DB, DATA_DIR: older }).licenseKeyEncryptionKey).toBe(
      derived,
    );
  });

  it("takes a license key encryption key of 32 bytes only", () => {
    const base64 = Buffer.alloc(32, 7).toString("base64");
    expect(
      parseConfig({ DATABASE_URL: DB, DATA_DIR: dataDir(), LICENSE_KEY_ENCRYPTION_KEY: base64 })
        .licenseKeyEncryptionKey,
    ).toBe(base64);
    for (const bad of ["short", "ab".repeat(31), Buffer.alloc(16).toString("base64")]) {
      expect(() => parseConfig({ DATABASE_URL: DB, LICENSE_KEY_ENCRYPTION_KEY: bad })).toThrow(
        /LICENSE_KEY_ENCRYPTION_KEY/,
      );
    }
  });

  it("lets `next build` prerender without the runtime secrets", () => {
    expect(
      parseConfig({
        NODE_ENV: "production",
        NEXT_PHASE: "phase-production-build",
        DATABASE_URL: DB,
      }).mode,
    ).toBe("production");
  });

  it("says how to get a database when DATABASE_URL is missing", () => {
    expect(() => parseConfig({ DATA_DIR: dataDir() })).toThrow(
      /DATABASE_URL is not set. `npm run dev` starts an embedded PostgreSQL/,
    );
  });

  it("rejects malformed values with the variable's name", () => {
    expect(() => parseConfig({ DATABASE_URL: DB, APP_URL: "not a url" })).toThrow(/APP_URL/);
  });
});
