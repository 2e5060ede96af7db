import "server-only";
import { z } from "zod";
import { consumeRateLimits, type RateLimitRule } from "@/lib/rate-limit/consume-rate-limits";
import { verifyCsrfToken } from "./verify-csrf-token";

const WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_LIMITS = { perEmail: 5, perIp: 20 };

/** An address a sign-in link may go to: plausible, at most 254 characters, no control characters. */
export const signInEmailSchema = z.string().trim().toLowerCase().max(254).pipe(z.email());

/**
 * Sign-in links are emails we send on anyone's behalf: a few per address and per client. Only a
 * valid address is counted against itself; anything else counts against the client alone.
 */
export async function limitSignInRequests(options: { email: string | null; ip: string }) {
  const email = signInEmailSchema.safeParse(options.email);
  const rules: RateLimitRule[] = [
    { key: `sign-in:ip:${options.ip}`, limit: SIGN_IN_LIMITS.perIp, windowSeconds: WINDOW_SECONDS },
  ];
  if (email.success)
    rules.unshift({
      key: `sign-in:email:${email.data}`,
      limit: SIGN_IN_LIMITS.perEmail,
      windowSeconds: WINDOW_SECONDS,
    });
  const result = await consumeRateLimits(rules);
  return result.allowed ? null : { retryAfterSeconds: result.retryAfterSeconds };
}

export type SignInCheck =
  | { allowed: true }
  | { allowed: false; refusal: "CSRF" | "INVALID_EMAIL" }
  | { allowed: false; refusal: "RATE_LIMITED"; retryAfterSeconds: number };

/**
 * Whether next-auth may act on a request for a sign-in link. Its CSRF token and the email are
 * checked before anything is counted for that email, so nobody without the victim's browser can
 * use up the victim's sign-ins; refused requests count against their client only.
 */
export async function checkSignInRequest(options: {
  form: URLSearchParams;
  cookieHeader: string | null;
  ip: string;
}): Promise<SignInCheck> {
  const csrfVerified = verifyCsrfToken({
    cookieHeader: options.cookieHeader,
    formToken: options.form.get("csrfToken"),
  });
  const email = csrfVerified ? signInEmailSchema.safeParse(options.form.get("email")) : undefined;
  const limited = await limitSignInRequests({
    email: email?.success ? email.data : null,
    ip: options.ip,
  });
  if (limited) return { allowed: false, refusal: "RATE_LIMITED", ...limited };
  if (!csrfVerified) return { allowed: false, refusal: "CSRF" };
  if (!email?.success) return { allowed: false, refusal: "INVALID_EMAIL" };
  return { allowed: true };
}
