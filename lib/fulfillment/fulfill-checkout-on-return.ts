import "server-only";
import { z } from "zod";
import { tierSlug } from "@/lib/catalog/tier-kinds";
import { db } from "@/lib/db";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import { AppError } from "@/lib/errors/app-error";
import type { LicenseStatus } from "@/lib/generated/prisma/enums";
import { openLicenseSecret } from "@/lib/licenses/license-secrets";
import { fulfillCheckout } from "./fulfill-checkout";

// Stripe's Checkout Session ids (and the local emulator's): anything else never reaches Stripe.
export const checkoutSessionIdSchema = z.string().regex(/^cs_(test|live)_[A-Za-z0-9]{10,200}$/);

export type CheckoutOutcome =
  | {
      state:
        | "not_found"
        | "unpaid"
        | "processing"
        | "unavailable"
        | "needs_attention"
        | "rate_limited"
        | "sign_in";
    }
  | {
      state: "paid" | "refunded" | "disputed" | "failed";
      customerEmail: string;
      productName: string;
      tierName: string;
      tierSlug: string;
      licenseName: string;
      licenses: {
        key: string;
        status: LicenseStatus;
        certificate: string;
        expiresAt: Date | null;
        seatLimit: number;
      }[];
    };

/**
 * How long after payment the success page shows the key and email: the session id in its URL is
 * a bearer link (browser history, a shared screenshot, a proxy log). After that the buyer signs in.
 */
export const KEY_SHOWN_HOURS = 24;

/**
 * What the buyer sees on return from Stripe. Fulfils the checkout itself, so the key shows even
 * when the webhook is late; the session id in the URL is the buyer's proof of purchase for
 * `KEY_SHOWN_HOURS` after payment, and only asks them to sign in after that.
 */
export async function fulfillCheckoutOnReturn(options: {
  sessionId: string;
  now?: Date;
}): Promise<CheckoutOutcome> {
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
  if (result.issuedNow) kickEmailDelivery();

  const purchase = await db.purchase.findUniqueOrThrow({
    where: { id: result.purchaseId },
    include: { product: true, tier: true, licenses: { orderBy: { createdAt: "asc" } } },
  });
  const shownSince = purchase.paidAt ?? purchase.createdAt;
  if ((options.now ?? new Date()).getTime() - shownSince.getTime() > KEY_SHOWN_HOURS * 3_600_000)
    return { state: "sign_in" };
  return {
    state:
      purchase.status === "PAID"
        ? "paid"
        : // An abandoned checkout was never paid: to its buyer, a payment that failed.
          purchase.status === "ABANDONED"
          ? "failed"
          : (purchase.status.toLowerCase() as "refunded" | "disputed" | "failed"),
    customerEmail: purchase.customerEmail,
    productName: purchase.product.name,
    tierName: purchase.tier.name,
    tierSlug: tierSlug(purchase.tier.kind),
    licenseName: purchase.tier.licenseName,
    licenses: purchase.licenses.map((license) => ({
      key: openLicenseSecret(license.keyCiphertext),
      status: license.status,
      certificate: openLicenseSecret(license.certificateCiphertext),
      expiresAt: license.expiresAt,
      seatLimit: license.seatLimit,
    })),
  };
}
