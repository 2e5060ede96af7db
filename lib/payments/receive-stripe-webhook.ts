import "server-only";
import Stripe from "stripe";
import { db } from "@/lib/db";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import { AppError } from "@/lib/errors/app-error";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applyWebhookEvent, type WebhookOutcome } from "./apply-webhook-event";
import { stripe, webhookSecret } from "./stripe-client";

/**
 * A delivery from Stripe: the signature is checked on the raw body before anything is stored;
 * the event is stored (unique event id) before it is applied, so every delivery can be replayed;
 * an event already applied is acknowledged and not applied again.
 */
export async function receiveStripeWebhook(options: {
  payload: string;
  signature: string | null;
}): Promise<WebhookOutcome | { outcome: "duplicate" }> {
  let event: Stripe.Event;
  try {
    event = stripe().webhooks.constructEvent(
      options.payload,
      options.signature ?? "",
      webhookSecret(),
    );
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError(
      "INVALID_SIGNATURE",
      "The Stripe-Signature header does not match this payload.",
      { cause: error },
    );
  }

  await db.webhookEvent.createMany({
    data: [
      {
        provider: "stripe",
        providerEventId: event.id,
        type: event.type,
        payload: JSON.parse(options.payload) as Prisma.InputJsonValue,
      },
    ],
    skipDuplicates: true,
  });
  const stored = await db.webhookEvent.findUniqueOrThrow({
    where: { provider_providerEventId: { provider: "stripe", providerEventId: event.id } },
  });
  if (stored.status === "PROCESSED" || stored.status === "IGNORED") return { outcome: "duplicate" };
  const result = await applyWebhookEvent({ webhookEventId: stored.id });
  // Emails this event queued go out now; the outbox worker retries any that fail.
  void kickEmailDelivery();
  return result;
}
