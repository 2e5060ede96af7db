import "server-only";
import { z } from "zod";
import { tierSlug } from "@/lib/catalog/tier-kinds";
import { db } from "@/lib/db";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import { AppError } from "@/lib/errors/app-error";
import { fulfillCheckout } from "./fulfill-checkout";

export const checkoutSessionIdSchema = z.string().regex(/^cs_[A-Za-z0-9_]{8,250}$/);

export type CheckoutOutcome =
  | { state: "not_found" | "unpaid" | "processing" | "unavailable" | "needs_attention" }
  | {
      state: "paid" | "refunded" | "disputed" | "failed";
      customerEmail: string;
      productName: string;
      tierName: string;
      tierSlug: string;
      licenseName: string;
      licenses: {
        key: string;
        status: string;
        certificate: string;
        expiresAt: Date | null;
        seatLimit: number;
      }[];
    };

/**
 * What the buyer sees on return from Stripe. Fulfils the checkout itself, so the key shows even
 * when the webhook is late; the session id in the URL is the buyer's proof of purchase.
 */
export async function checkoutOutcome(options: { sessionId: string }): Promise<CheckoutOutcome> {
  const parsed = checkoutSessionIdSchema.safeParse(options.sessionId);
  if (!parsed.success) return { state: "not_found" };
  let result;
  try {
    result = await fulfillCheckout({
      sessionId: parsed.data,
      actor: { type: "CUSTOMER", label: "checkout success page" },
    });
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    if (error.code === "CHECKOUT_SESSION_NOT_FOUND") return { state: "not_found" };
    if (error.code === "PAYMENT_PROVIDER_ERROR") return { state: "unavailable" };
    console.error(`checkout ${parsed.data} needs an admin:`, error.message);
    return { state: "needs_attention" };
  }
  if (result.status !== "recorded") return { state: result.status };
  if (result.issuedNow) void kickEmailDelivery();

  const purchase = await db.purchase.findUniqueOrThrow({
    where: { id: result.purchaseId },
    include: { product: true, tier: true, licenses: { orderBy: { createdAt: "asc" } } },
  });
  return {
    state:
      purchase.status === "PAID"
        ? "paid"
        : (purchase.status.toLowerCase() as "refunded" | "disputed" | "failed"),
    customerEmail: purchase.customerEmail,
    productName: purchase.product.name,
    tierName: purchase.tier.name,
    tierSlug: tierSlug(purchase.tier.kind),
    licenseName: purchase.tier.licenseName,
    licenses: purchase.licenses.map((license) => ({
      key: license.key,
      status: license.status,
      certificate: license.certificate,
      expiresAt: license.expiresAt,
      seatLimit: license.seatLimit,
    })),
  };
}
