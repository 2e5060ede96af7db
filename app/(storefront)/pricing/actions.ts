"use server";

import type { Route } from "next";
import { redirect } from "next/navigation";
import type { CheckoutFormState } from "@/components/storefront/checkout-form-state";
import { startCheckoutSchema } from "@/lib/catalog/schemas";
import { AppError } from "@/lib/errors/app-error";
import { createCheckoutSession } from "@/lib/payments/create-checkout-session";

export async function startCheckout(
  _previous: CheckoutFormState,
  formData: FormData,
): Promise<CheckoutFormState> {
  const parsed = startCheckoutSchema.safeParse({
    tierId: formData.get("tierId"),
    email: formData.get("email") ?? undefined,
  });
  if (!parsed.success) {
    return {
      error: {
        code: "VALIDATION_FAILED",
        message: "That license could not be found. Please reload the page.",
      },
    };
  }
  let url: string;
  try {
    ({ url } = await createCheckoutSession(parsed.data));
  } catch (error) {
    if (error instanceof AppError) return { error: error.toJSON() };
    throw error;
  }
  redirect(url as Route);
}
