import "server-only";
import { limitCheckoutStarts } from "./checkout-request-limits";
import { createCheckoutSession } from "./create-checkout-session";

/** A buyer's checkout from the pricing page: limited per client address, then created at Stripe. */
export async function startBuyerCheckout(options: {
  tierId: string;
  email?: string;
  ip: string;
}): Promise<{ url: string }> {
  await limitCheckoutStarts({ ip: options.ip });
  return createCheckoutSession({ tierId: options.tierId, email: options.email });
}
