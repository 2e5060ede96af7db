import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import { AppError } from "@/lib/errors/app-error";
import { applyWebhookEvent } from "./stripe/apply-webhook-event";

/** Applies a stored event again through the same handlers as a delivery (they are idempotent). */
export async function replayWebhookEvent(options: { webhookEventId: string; actor: Actor }) {
  const event = await db.webhookEvent.findUnique({ where: { id: options.webhookEventId } });
  if (!event) throw new AppError("NOT_FOUND", "No such webhook event.");
  await db.$transaction((tx) =>
    recordAudit(tx, {
      actor: options.actor,
      action: "webhook_event.replayed",
      entityType: "WebhookEvent",
      entityId: event.id,
      before: { status: event.status },
    }),
  );
  const outcome = await applyWebhookEvent({ webhookEventId: event.id });
  kickEmailDelivery();
  return outcome;
}
