import "server-only";
import type { z } from "zod";
import { config } from "@/lib/config";
import { errorResponse } from "@/lib/errors/error-response";
import { hashLicenseKey } from "@/lib/licenses/license-key";
import { normalizeKey } from "@/lib/licenses/license-view";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";
import { clientIp } from "./client-ip";
import { readJsonBody } from "./read-json-body";

export const MAX_LICENSE_API_BODY_BYTES = 16 * 1024;

// Any origin may call the license API (desktop apps, plugins, web apps); no cookies are involved.
export const CORS_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
  "Access-Control-Allow-Headers": "Content-Type",
  "Access-Control-Max-Age": "86400",
} as const;

export const corsPreflight = () => new Response(null, { status: 204, headers: CORS_HEADERS });

type Handled = { status: number; body: unknown };

/**
 * The repeated part of every license API POST: size limit, JSON, strict schema, rate limits per
 * client IP and per key, CORS, and errors as `{ error: { code, message } }`, never a 500 for
 * anything a client can send.
 */
export function licenseApiRoute<S extends z.ZodType<{ key: string }>>(
  schema: S,
  handle: (input: z.infer<S>, context: { ip: string }) => Promise<Handled>,
) {
  return async (request: Request): Promise<Response> => {
    try {
      const body = await readJsonBody(request, MAX_LICENSE_API_BODY_BYTES);
      const input = schema.parse(body);
      const ip = clientIp(request);
      const limits = config().licenseApiLimits;
      const keyHash = hashLicenseKey(normalizeKey(input.key));
      const limit = await consumeRateLimits([
        { key: `license-api:ip:${ip}`, limit: limits.perIp, windowSeconds: 60 },
        { key: `license-api:key:${keyHash}`, limit: limits.perKey, windowSeconds: 60 },
      ]);
      if (!limit.allowed) {
        return Response.json(
          {
            error: {
              code: "RATE_LIMITED",
              message: `Too many requests. Try again in ${limit.retryAfterSeconds} s.`,
            },
          },
          {
            status: 429,
            headers: { ...CORS_HEADERS, "Retry-After": String(limit.retryAfterSeconds) },
          },
        );
      }
      const result = await handle(input, { ip });
      return Response.json(result.body, {
        status: result.status,
        headers: { ...CORS_HEADERS, "Cache-Control": "no-store" },
      });
    } catch (error) {
      return errorResponse(error, { headers: CORS_HEADERS });
    }
  };
}
