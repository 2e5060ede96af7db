import "server-only";
import type { z } from "zod";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors/app-error";
import { errorAnswer } from "@/lib/errors/error-response";
import { hashLicenseKey } from "@/lib/licenses/license-key";
import { normalizeKey } from "@/lib/licenses/license-view";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";

export const MAX_LICENSE_API_BODY_BYTES = 16 * 1024;

// Any origin may call the license API (desktop apps, plugins, web apps); no cookies are involved.
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
} as const;

/** One license API request, whichever server received it. */
export type LicenseApiCall = {
  ip: string;
  /** The body's bytes; throws PAYLOAD_TOO_LARGE past `maxBytes`, before reading them all. */
  readBody: (maxBytes: number) => Promise<Uint8Array>;
};

export type LicenseApiAnswer = { status: number; headers: Record<string, string>; body: unknown };

export type LicenseApiEndpoint = (call: LicenseApiCall) => Promise<LicenseApiAnswer>;

type Handled = { status: number; body: unknown };

/**
 * The repeated part of every license API POST: size limit, JSON, strict schema, rate limits per
 * client IP and per key, CORS, and errors as `{ error: { code, message } }`, never a 500 for
 * anything a client can send. Independent of the HTTP server, so App Router route handlers and the
 * production server's direct mount (server.ts) give the same answers.
 */
export function licenseApiEndpoint<S extends z.ZodType<{ key: string }>>(
  schema: S,
  handle: (input: z.infer<S>, context: { ip: string }) => Promise<Handled>,
): LicenseApiEndpoint {
  return async ({ ip, readBody }) => {
    try {
      const input = schema.parse(parseJson(await readBody(MAX_LICENSE_API_BODY_BYTES)));
      const limits = config().licenseApiLimits;
      const keyHash = hashLicenseKey(normalizeKey(input.key));
      const limit = await consumeRateLimits([
        { key: `license-api:ip:${ip}`, limit: limits.perIp, windowSeconds: 60 },
        { key: `license-api:key:${keyHash}`, limit: limits.perKey, windowSeconds: 60 },
      ]);
      if (!limit.allowed) {
        return {
          status: 429,
          headers: { ...CORS_HEADERS, "Retry-After": String(limit.retryAfterSeconds) },
          body: {
            error: {
              code: "RATE_LIMITED",
              message: `Too many requests. Try again in ${limit.retryAfterSeconds} s.`,
            },
          },
        };
      }
      const result = await handle(input, { ip });
      return { ...result, headers: { ...CORS_HEADERS, "Cache-Control": "no-store" } };
    } catch (error) {
      const answer = errorAnswer(error);
      return { ...answer, headers: { ...CORS_HEADERS, ...answer.headers } };
    }
  };
}

function parseJson(bytes: Uint8Array): unknown {
  try {
    return JSON.parse(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString("utf8"),
    );
  } catch {
    throw new AppError("INVALID_JSON", "The request body must be a JSON object.");
  }
}
