import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db";
import type { PurchaseStatus } from "@/lib/generated/prisma/client";
import type { CheckoutOrder } from "./checkout-order";

/**
 * The purchase row of a checkout, created with `status` if it does not exist yet, and locked for
 * the rest of the transaction. UNIQUE(source, sourceOrderId) is what makes concurrent callers for
 * one session safe: the second insert waits for the first to commit and then does nothing, and
 * FOR UPDATE hands the row to one transaction at a time.
 */
export async function lockCheckoutPurchase(
  tx: Tx,
  options: { order: CheckoutOrder; status: PurchaseStatus; actor: Actor },
) {
  const { order, status } = options;
  const { count } = await tx.purchase.createMany({
    data: [
      {
        source: "STRIPE",
        sourceOrderId: order.sessionId,
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
    WHERE source = 'STRIPE' AND "sourceOrderId" = ${order.sessionId}
    FOR UPDATE`;
  if (!row) throw new Error(`Purchase for ${order.sessionId} vanished inside its transaction`);
  if (count === 1) {
    await recordAudit(tx, {
      actor: options.actor,
      action: "purchase.recorded",
      entityType: "Purchase",
      entityId: row.id,
      after: {
        status,
        amountCents: order.amountCents,
        currency: order.currency,
        tier: order.tier.kind,
        sessionId: order.sessionId,
      },
    });
  }
  return { ...row, created: count === 1 };
}
