import "server-only";
import type Stripe from "stripe";
import { db } from "@/lib/db";
import { AppError, type AppErrorCode } from "@/lib/errors/app-error";
import { stripeEventHandler } from "./stripe-event-handler";

// Failures that may pass by themselves: Stripe should deliver the event again.
const TRANSIENT: AppErrorCode[] = ["PAYMENT_PROVIDER_ERROR", "PAYMENTS_NOT_CONFIGURED"];

export type WebhookOutcome =
  { outcome: "processed" | "ignored" } | { outcome: "failed"; retryable: boolean; error: string };

/**
 * Applies a stored event through its handler and records the result on the event. Used for each
 * delivery and for an admin's replay; handlers are idempotent, so applying twice is harmless.
 * A permanent failure (unknown tier, amount mismatch) waits on the event for an admin to fix and
 * replay; anything else is worth another delivery.
 */
export async function applyWebhookEvent(options: {
  webhookEventId: string;
}): Promise<WebhookOutcome> {
  const stored = await db.webhookEvent.update({
    where: { id: options.webhookEventId },
    data: { attempts: { increment: 1 } },
  });
  const event = storedStripeEvent(stored.payload);
  const handler = stripeEventHandler(event);
  if (!handler) {
    await db.webhookEvent.update({
      where: { id: stored.id },
      data: { status: "IGNORED", processedAt: new Date() },
    });
    return { outcome: "ignored" };
  }
  try {
    await handler({ type: "WEBHOOK", id: event.id, label: event.type });
    await db.webhookEvent.update({
      where: { id: stored.id },
      data: { status: "PROCESSED", processedAt: new Date(), lastError: null },
    });
    return { outcome: "processed" };
  } catch (error) {
    const retryable = !(error instanceof AppError) || TRANSIENT.includes(error.code);
    const message =
      error instanceof AppError
        ? `${error.code}: ${error.message}`
        : error instanceof Error
          ? error.message
          : String(error);
    if (retryable)
      console.error(`webhook ${event.type} ${event.id} failed, Stripe will retry:`, error);
    await db.webhookEvent
      .update({
        where: { id: stored.id },
        data: { status: "FAILED", lastError: message.slice(0, 2000) },
      })
      .catch(() => {});
    return { outcome: "failed", retryable, error: message };
  }
}

/** The payload was verified against Stripe's signature before it was stored. */
function storedStripeEvent(payload: unknown): Stripe.Event {
  if (!isStripeEvent(payload)) throw new Error("A stored webhook payload is not a Stripe event");
  return payload;
}

function isStripeEvent(payload: unknown): payload is Stripe.Event {
  return (
    typeof payload === "object" &&
    payload !== null &&
    "object" in payload &&
    payload.object === "event" &&
    "type" in payload &&
    typeof payload.type === "string" &&
    "data" in payload
  );
}
