import path from "node:path";
import { z } from "zod";
import { loadLocalSecrets } from "./local-secrets";
import { envSchema, type AppConfig } from "./schema";

export type { AppConfig } from "./schema";

export class ConfigError extends Error {
  override name = "ConfigError";
}

const PRODUCTION_REQUIRED = [
  "APP_URL",
  "DATABASE_URL",
  "AUTH_SECRET",
  "LICENSE_SIGNING_KEY",
  "LICENSE_KEY_ENCRYPTION_KEY",
  "STRIPE_SECRET_KEY",
  "STRIPE_WEBHOOK_SECRET",
  "RESEND_API_KEY",
  "EMAIL_FROM",
] as const;

export function parseConfig(source: Record<string, string | undefined>): AppConfig {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(`Invalid configuration:\n${z.prettifyError(parsed.error)}`);
  }
  const env = {
    ...parsed.data,
    AUTH_SECRET: parsed.data.AUTH_SECRET ?? parsed.data.NEXTAUTH_SECRET,
  };
  const mode = env.KEYFRONT_MODE ?? (env.NODE_ENV === "production" ? "production" : "local");

  // `next build` prerenders the storefront from the database but serves nothing: runtime secrets
  // are checked when the server starts (instrumentation.ts), not at build time.
  const building = source.NEXT_PHASE === "phase-production-build";

  if (mode === "production" && !building) {
    const missing = PRODUCTION_REQUIRED.filter((name) => !env[name]);
    if (missing.length > 0) {
      throw new ConfigError(
        `Missing required configuration for production: ${missing.join(", ")}. ` +
          "Set them in the environment (see README, Configuration), or set KEYFRONT_MODE=local " +
          "to run on generated local defaults.",
      );
    }
  }
  if (!env.DATABASE_URL) {
    throw new ConfigError(
      "DATABASE_URL is not set. `npm run dev` starts an embedded PostgreSQL and sets it for you; " +
        "to use your own server, set DATABASE_URL=postgresql://user:pass@host:5432/db.",
    );
  }

  // Runtime paths, not build inputs: keep Turbopack from tracing the whole project through them.
  const dataDir = path.resolve(/*turbopackIgnore: true*/ env.DATA_DIR ?? ".data");
  const local = mode === "local" ? loadLocalSecrets(dataDir) : undefined;
  const secret = (value: string | undefined, fallback: string | undefined) =>
    value ?? fallback ?? "";

  return {
    mode,
    appUrl: (env.APP_URL ?? "http://localhost:3000").replace(/\/$/, ""),
    databaseUrl: env.DATABASE_URL,
    dataDir,
    storageDir: path.resolve(
      /*turbopackIgnore: true*/ env.STORAGE_DIR ?? path.join(dataDir, "storage"),
    ),
    authSecret: secret(env.AUTH_SECRET, local?.authSecret),
    adminEmails: (env.ADMIN_EMAILS ?? "")
      .split(",")
      .map((email) => email.trim().toLowerCase())
      .filter(Boolean),
    licenseSigningKeyPem: secret(env.LICENSE_SIGNING_KEY, local?.licenseSigningKeyPem),
    licenseKeyEncryptionKey: secret(env.LICENSE_KEY_ENCRYPTION_KEY, local?.licenseKeyEncryptionKey),
    stripe: {
      secretKey: env.STRIPE_SECRET_KEY,
      webhookSecret: env.STRIPE_WEBHOOK_SECRET,
      apiBase: env.STRIPE_API_BASE,
    },
    email: {
      resendApiKey: env.RESEND_API_KEY,
      from: env.EMAIL_FROM ?? "Keyfront <no-reply@keyfront.local>",
    },
    licenseApiLimits: {
      perIp: env.LICENSE_API_LIMIT_PER_IP,
      perKey: env.LICENSE_API_LIMIT_PER_KEY,
    },
    trustedProxies: env.TRUSTED_PROXIES,
  };
}

let cached: AppConfig | undefined;

/** The configuration, read and validated once per process. */
export function config(): AppConfig {
  cached ??= parseConfig(process.env);
  return cached;
}
