import "server-only";
import Stripe from "stripe";
import { AppError } from "@/lib/errors/app-error";
import { stripe } from "./stripe-client";

/** Stripe's current view of a Checkout Session with its line items: the truth fulfillment acts on. */
export async function retrieveCheckoutSession(sessionId: string): Promise<Stripe.Checkout.Session> {
  try {
    return await stripe().checkout.sessions.retrieve(sessionId, { expand: ["line_items"] });
  } catch (error) {
    throw toAppError(error, `No checkout session ${sessionId}.`);
  }
}

export async function findCheckoutSessionForPayment(
  paymentIntentId: string,
): Promise<Stripe.Checkout.Session | undefined> {
  let list;
  try {
    list = await stripe().checkout.sessions.list({ payment_intent: paymentIntentId, limit: 1 });
  } catch (error) {
    throw toAppError(error, `No checkout for payment ${paymentIntentId}.`);
  }
  const found = list.data[0];
  return found ? retrieveCheckoutSession(found.id) : undefined;
}

function toAppError(error: unknown, notFoundMessage: string): AppError {
  if (error instanceof AppError) return error;
  if (
    error instanceof Stripe.errors.StripeError &&
    (error.statusCode === 404 || error.code === "resource_missing")
  ) {
    return new AppError("CHECKOUT_SESSION_NOT_FOUND", notFoundMessage, { cause: error });
  }
  const message = error instanceof Error ? error.message : String(error);
  return new AppError("PAYMENT_PROVIDER_ERROR", `Stripe did not answer: ${message}`, {
    cause: error,
  });
}
