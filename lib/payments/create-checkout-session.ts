import "server-only";
import { findPurchasableTier } from "@/lib/catalog/find-purchasable-tier";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors/app-error";
import { stripe } from "./stripe-client";

/**
 * A Stripe Checkout Session for one license of a tier, priced from our catalog. The tier id and
 * the unit price charged go into the session's metadata: fulfillment checks what Stripe charged
 * against them.
 */
export async function createCheckoutSession(options: {
  tierId: string;
  email?: string;
}): Promise<{ url: string }> {
  const tier = await findPurchasableTier({ tierId: options.tierId });
  const appUrl = config().appUrl;
  const metadata = {
    tierId: tier.id,
    productId: tier.productId,
    priceCents: String(tier.priceCents),
  };
  let session;
  try {
    session = await stripe().checkout.sessions.create({
      mode: "payment",
      line_items: [
        {
          quantity: 1,
          price_data: {
            currency: tier.currency,
            unit_amount: tier.priceCents,
            product_data: {
              name: `${tier.product.name}, ${tier.licenseName}`,
              description: tier.summary,
            },
          },
        },
      ],
      customer_email: options.email,
      metadata,
      payment_intent_data: { metadata },
      success_url: `${appUrl}/checkout/success?session_id={CHECKOUT_SESSION_ID}`,
      cancel_url: `${appUrl}/pricing#${tier.product.slug}`,
    });
  } catch (error) {
    if (error instanceof AppError) throw error;
    console.error("checkout session not created:", error);
    throw new AppError(
      "PAYMENT_PROVIDER_ERROR",
      "We could not reach our payment provider. Nothing was charged; please try again.",
    );
  }
  if (!session.url)
    throw new AppError("PAYMENT_PROVIDER_ERROR", "The payment provider returned no checkout page.");
  return { url: session.url };
}
