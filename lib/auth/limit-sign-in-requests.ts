import "server-only";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";

const WINDOW_SECONDS = 15 * 60;
export const SIGN_IN_LIMITS = { perEmail: 5, perIp: 20 };

/** Sign-in links are emails we send on anyone's behalf: a few per address and per client. */
export async function limitSignInRequests(options: { email: string; ip: string }) {
  const result = await consumeRateLimits([
    {
      key: `sign-in:email:${options.email.trim().toLowerCase()}`,
      limit: SIGN_IN_LIMITS.perEmail,
      windowSeconds: WINDOW_SECONDS,
    },
    { key: `sign-in:ip:${options.ip}`, limit: SIGN_IN_LIMITS.perIp, windowSeconds: WINDOW_SECONDS },
  ]);
  return result.allowed ? null : { retryAfterSeconds: result.retryAfterSeconds };
}
