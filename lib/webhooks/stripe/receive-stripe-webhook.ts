import "server-only";
import { db } from "@/lib/db";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import type { Prisma } from "@/lib/generated/prisma/client";
import { applyWebhookEvent, type WebhookOutcome } from "./apply-webhook-event";
import { webhookSecret } from "@/lib/payments/stripe-client";
import { verifyStripeEvent } from "./verify-stripe-event";

/**
 * A delivery from Stripe: the signature, its age and the event's shape are checked on the raw body
 * before anything is stored; the event is stored (unique event id) before it is applied, so every
 * delivery can be replayed; an event already applied is acknowledged and not applied again.
 */
export async function receiveStripeWebhook(options: {
  payload: string;
  signature: string | null;
}): Promise<WebhookOutcome | { outcome: "duplicate" }> {
  const event = verifyStripeEvent({ ...options, secret: webhookSecret() });

  await db.webhookEvent.createMany({
    data: [
      {
        provider: "stripe",
        providerEventId: event.id,
        type: event.type,
        payload: event as Prisma.InputJsonValue,
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
  kickEmailDelivery();
  return result;
}
