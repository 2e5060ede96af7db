import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db";
import type { PurchaseStatus } from "@/lib/generated/prisma/client";
import type { PurchaseOrder } from "./purchase-order";

/**
 * The purchase row of an order, created with `status` if it does not exist yet, and locked for
 * the rest of the transaction. UNIQUE(source, sourceOrderId) is what makes concurrent callers for
 * one order safe: the second insert waits for the first to commit and then does nothing, and
 * FOR UPDATE hands the row to one transaction at a time.
 */
export async function recordPurchase(
  tx: Tx,
  options: { order: PurchaseOrder; status: PurchaseStatus; actor: Actor },
) {
  const { order, status } = options;
  const { count } = await tx.purchase.createMany({
    data: [
      {
        source: order.source,
        sourceOrderId: order.sourceOrderId,
        customerEmail: order.customerEmail,
        customerName: order.customerName,
        productId: order.tier.productId,
        tierId: order.tier.id,
        quantity: order.quantity,
        amountCents: order.amountCents,
        currency: order.currency,
        status,
        paymentIntentId: order.paymentIntentId,
        testMode: order.testMode,
        providerObject: order.providerObject,
        refundedAt: status === "REFUNDED" ? new Date() : null,
      },
    ],
    skipDuplicates: true,
  });
  const [row] = await tx.$queryRaw<{ id: string; status: PurchaseStatus }[]>`
    SELECT id, status FROM "Purchase"
    WHERE source = ${order.source}::"PurchaseSource" AND "sourceOrderId" = ${order.sourceOrderId}
    FOR UPDATE`;
  if (!row) throw new Error(`Purchase for ${order.sourceOrderId} vanished inside its transaction`);
  if (count === 1) {
    await recordAudit(tx, {
      actor: options.actor,
      // An admin's grant keeps its own name in the log.
      action: order.source === "MANUAL" ? "purchase.granted" : "purchase.recorded",
      entityType: "Purchase",
      entityId: row.id,
      after: {
        status,
        amountCents: order.amountCents,
        currency: order.currency,
        tier: order.tier.kind,
        product: order.tier.product.slug,
        email: order.customerEmail,
        source: order.source,
        sourceOrderId: order.sourceOrderId,
      },
    });
  }
  return row;
}
