import "server-only";
import { AppError } from "@/lib/errors/app-error";
import { consumeRateLimits } from "@/lib/rate-limit/consume-rate-limits";

/**
 * Per client address and minute. Each checkout started and each success-page lookup is a call to
 * Stripe, paid from the store's one API quota: enough for any buyer, too few to spend it.
 */
export const CHECKOUT_REQUEST_LIMITS = { startsPerMinute: 20, lookupsPerMinute: 60 };

/** Throws RATE_LIMITED once a client has started too many checkouts this minute. */
export async function limitCheckoutStarts(options: { ip: string }): Promise<void> {
  const result = await consumeRateLimits([
    {
      key: `checkout-start:ip:${options.ip}`,
      limit: CHECKOUT_REQUEST_LIMITS.startsPerMinute,
      windowSeconds: 60,
    },
  ]);
  if (!result.allowed)
    throw new AppError(
      "RATE_LIMITED",
      `Too many checkouts started from this address. Try again in ${result.retryAfterSeconds} s.`,
    );
}

/** Whether a client may look up one more checkout on the success page this minute. */
export async function mayLookUpCheckout(options: { ip: string }): Promise<boolean> {
  const result = await consumeRateLimits([
    {
      key: `checkout-lookup:ip:${options.ip}`,
      limit: CHECKOUT_REQUEST_LIMITS.lookupsPerMinute,
      windowSeconds: 60,
    },
  ]);
  return result.allowed;
}
