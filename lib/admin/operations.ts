import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { kickEmailDelivery } from "@/lib/email/email-worker";
import { AppError } from "@/lib/errors/app-error";
import { formatDay } from "@/lib/format/dates";
import { applyWebhookEvent } from "@/lib/payments/apply-webhook-event";

export const listWebhookEvents = (
  options: { status?: "RECEIVED" | "PROCESSED" | "IGNORED" | "FAILED" } = {},
) =>
  db.webhookEvent.findMany({
    where: options.status ? { status: options.status } : {},
    orderBy: { receivedAt: "desc" },
    take: 100,
  });

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
  void kickEmailDelivery();
  return outcome;
}

export const listEmails = (options: { status?: "QUEUED" | "SENDING" | "SENT" | "FAILED" } = {}) =>
  db.emailMessage.findMany({
    where: options.status ? { status: options.status } : {},
    orderBy: { createdAt: "desc" },
    take: 100,
    select: {
      id: true,
      to: true,
      template: true,
      subject: true,
      status: true,
      attempts: true,
      lastError: true,
      createdAt: true,
      sentAt: true,
    },
  });

export const getEmail = (options: { emailId: string }) =>
  db.emailMessage.findUnique({ where: { id: options.emailId } });

/** Puts a failed email back in the outbox for three more attempts. */
export async function retryEmail(options: { emailId: string; actor: Actor }) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.emailMessage.updateMany({
      where: { id: options.emailId, status: "FAILED" },
      data: { status: "QUEUED", attempts: 0, nextAttemptAt: new Date(), lastError: null },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "No failed email with this id.");
    await recordAudit(tx, {
      actor: options.actor,
      action: "email.retried",
      entityType: "EmailMessage",
      entityId: options.emailId,
    });
  });
  void kickEmailDelivery();
}

/** Revenue and sales per UTC day for the last 30 days, sales by tier, and what needs attention. */
export async function storeOverview() {
  const since = new Date(Date.now() - 29 * 86_400_000);
  since.setUTCHours(0, 0, 0, 0);
  const [daily, byTier, recent, failedWebhooks, failedEmails] = await Promise.all([
    db.$queryRaw<{ day: Date; currency: string; revenue: bigint; sales: bigint }[]>`
      SELECT date_trunc('day', "paidAt" AT TIME ZONE 'UTC') AS day, currency, sum("amountCents")::bigint AS revenue, count(*)::bigint AS sales
      FROM "Purchase" WHERE status = 'PAID' AND "paidAt" >= ${since} GROUP BY 1, 2 ORDER BY 1`,
    db.$queryRaw<
      { product: string; tier: string; currency: string; revenue: bigint; sales: bigint }[]
    >`
      SELECT p.name AS product, t.name AS tier, pu.currency, sum(pu."amountCents")::bigint AS revenue, count(*)::bigint AS sales
      FROM "Purchase" pu JOIN "Product" p ON p.id = pu."productId" JOIN "Tier" t ON t.id = pu."tierId"
      WHERE pu.status = 'PAID' AND pu."paidAt" >= ${since} GROUP BY 1, 2, 3 ORDER BY 4 DESC`,
    db.purchase.findMany({
      orderBy: { createdAt: "desc" },
      take: 8,
      include: { product: { select: { name: true } }, tier: { select: { name: true } } },
    }),
    db.webhookEvent.count({ where: { status: "FAILED" } }),
    db.emailMessage.count({ where: { status: "FAILED" } }),
  ]);
  const days = Array.from({ length: 30 }, (_, index) =>
    formatDay(new Date(since.getTime() + index * 86_400_000)),
  );
  return {
    days: days.map((day) => {
      const rows = daily.filter((row) => formatDay(row.day) === day);
      return {
        day,
        sales: rows.reduce((sum, row) => sum + Number(row.sales), 0),
        revenue: rows.map((row) => ({ currency: row.currency, cents: Number(row.revenue) })),
      };
    }),
    byTier: byTier.map((row) => ({
      ...row,
      revenue: Number(row.revenue),
      sales: Number(row.sales),
    })),
    recent,
    alerts: { failedWebhooks, failedEmails },
  };
}
