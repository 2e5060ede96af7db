import "server-only";
import Stripe from "stripe";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors/app-error";

let client: Stripe | undefined;

/** The Stripe SDK client; STRIPE_API_BASE points it somewhere other than api.stripe.com. */
export function stripe(): Stripe {
  if (client) return client;
  const { secretKey, apiBase } = config().stripe;
  if (!secretKey) {
    throw new AppError(
      "PAYMENTS_NOT_CONFIGURED",
      "Payments are not configured: set STRIPE_SECRET_KEY.",
    );
  }
  const base = apiBase ? new URL(apiBase) : undefined;
  client = new Stripe(secretKey, {
    maxNetworkRetries: 2,
    timeout: 20_000,
    telemetry: false,
    ...(base && {
      host: base.hostname,
      port: base.port || (base.protocol === "https:" ? 443 : 80),
      protocol: base.protocol === "https:" ? "https" : "http",
    }),
  });
  return client;
}

export function webhookSecret(): string {
  const secret = config().stripe.webhookSecret;
  if (!secret) {
    throw new AppError(
      "PAYMENTS_NOT_CONFIGURED",
      "Webhooks are not configured: set STRIPE_WEBHOOK_SECRET.",
    );
  }
  return secret;
}
