"use server";

import { findPurchasableTier } from "@/lib/catalog/find-purchasable-tier";
import { startCheckoutSchema } from "@/lib/catalog/schemas";
import { AppError } from "@/lib/errors/app-error";
import type { CheckoutFormState } from "@/components/storefront/checkout-form-state";

export async function startCheckout(
  _previous: CheckoutFormState,
  formData: FormData,
): Promise<CheckoutFormState> {
  const parsed = startCheckoutSchema.safeParse({ tierId: formData.get("tierId") });
  if (!parsed.success) {
    return {
      error: {
        code: "VALIDATION_FAILED",
        message: "That license could not be found. Please reload the page.",
      },
    };
  }
  try {
    await findPurchasableTier({ tierId: parsed.data.tierId });
    throw new AppError(
      "CHECKOUT_UNAVAILABLE",
      "Checkout is not available yet. Nothing was charged; please check back soon.",
    );
  } catch (error) {
    if (error instanceof AppError) return { error: error.toJSON() };
    throw error;
  }
}
