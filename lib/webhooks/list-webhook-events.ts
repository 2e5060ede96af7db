import "server-only";
import { db } from "@/lib/db";
import { WebhookEventStatus } from "@/lib/generated/prisma/enums";

export const WEBHOOK_EVENT_STATUSES = Object.values(WebhookEventStatus);

/** The latest stored webhook events, newest first, optionally of one status. */
export const listWebhookEvents = (options: { status?: WebhookEventStatus } = {}) =>
  db.webhookEvent.findMany({
    where: options.status ? { status: options.status } : {},
    orderBy: { receivedAt: "desc" },
    take: 100,
  });
