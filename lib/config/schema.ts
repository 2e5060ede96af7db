import { z } from "zod";
import { decodeEncryptionKey } from "./encryption-key";
import { parseTrustedProxies, type TrustedProxies } from "./trusted-proxies";

const optional = z
  .string()
  .trim()
  .transform((value) => (value === "" ? undefined : value))
  .optional();

export const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  // "production" refuses every generated default; "local" (the default outside NODE_ENV=production)
  // lets `npm run dev`, the tests and the benchmark run with no accounts and no secrets.
  KEYFRONT_MODE: z.enum(["local", "production"]).optional(),
  APP_URL: z.url().optional(),
  DATABASE_URL: optional,
  STORAGE_DIR: optional,
  DATA_DIR: optional,
  AUTH_SECRET: optional,
  NEXTAUTH_SECRET: optional,
  ADMIN_EMAILS: optional,
  LICENSE_SIGNING_KEY: optional,
  LICENSE_KEY_ENCRYPTION_KEY: optional.refine(
    (value) => value === undefined || decodeEncryptionKey(value) !== null,
    "must be 32 bytes written as 64 hex characters or base64 (openssl rand -base64 32)",
  ),
  STRIPE_SECRET_KEY: optional,
  STRIPE_WEBHOOK_SECRET: optional,
  STRIPE_API_BASE: z.url().optional(),
  RESEND_API_KEY: optional,
  EMAIL_FROM: optional,
  LICENSE_API_LIMIT_PER_IP: z.coerce.number().int().positive().default(1200),
  LICENSE_API_LIMIT_PER_KEY: z.coerce.number().int().positive().default(120),
  TRUSTED_PROXIES: optional.transform(parseTrustedProxies),
});

export type Env = z.infer<typeof envSchema>;

export type AppConfig = {
  mode: "local" | "production";
  appUrl: string;
  databaseUrl: string;
  dataDir: string;
  storageDir: string;
  authSecret: string;
  adminEmails: string[];
  licenseSigningKeyPem: string;
  // AES-256-GCM key that license keys and certificates are stored under (32 bytes, hex or base64).
  licenseKeyEncryptionKey: string;
  // apiBase: where the Stripe SDK sends requests when not api.stripe.com (the local emulator).
  stripe: { secretKey?: string; webhookSecret?: string; apiBase?: string };
  email: { resendApiKey?: string; from: string };
  // License API requests allowed per minute, per client IP and per license key.
  licenseApiLimits: { perIp: number; perKey: number };
  // Which X-Forwarded-For entries to believe; undefined: none, the socket's address is the client.
  trustedProxies?: TrustedProxies;
};
