import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { Tx } from "@/lib/db";
import type { Purchase } from "@/lib/generated/prisma/client";
import { issueLicenses, type IssuedLicense } from "@/lib/licenses/issue-licenses";
import { enqueuePurchaseEmails } from "./enqueue-purchase-emails";
import type { PurchaseOrder } from "./purchase-order";
import { recordPurchase } from "./record-purchase";

export const FULFILLMENT_TRANSACTION = { maxWait: 30_000, timeout: 30_000 } as const;

export type FulfilledOrder =
  // Settled by an earlier call: paid and licensed, or refunded, disputed or failed first.
  | { issuedNow: false; purchaseId: string }
  | { issuedNow: true; purchaseId: string; purchase: Purchase; licenses: IssuedLicense[] };

/**
 * The one path from "paid" to "licensed", for a Stripe checkout and an admin's grant alike: in the
 * caller's transaction, records the purchase, marks it PAID, issues one license per unit, queues
 * the license email and the receipt, and writes an audit row for each. Repeated or concurrent
 * calls for one order do this exactly once.
 */
export async function fulfillOrder(
  tx: Tx,
  options: { order: PurchaseOrder; actor: Actor },
): Promise<FulfilledOrder> {
  const { order, actor } = options;
  const locked = await recordPurchase(tx, { order, status: "PENDING", actor });
  // Anything but PENDING was settled by an earlier call, which must not produce a license again.
  if (locked.status !== "PENDING") return { issuedNow: false, purchaseId: locked.id };

  const paidAt = new Date();
  const purchase = await tx.purchase.update({
    where: { id: locked.id },
    data: {
      status: "PAID",
      paidAt,
      providerObject: order.providerObject,
      paymentIntentId: order.paymentIntentId,
    },
  });
  await recordAudit(tx, {
    actor,
    action: "purchase.paid",
    entityType: "Purchase",
    entityId: purchase.id,
    before: { status: "PENDING" },
    after: { status: "PAID", amountCents: purchase.amountCents, currency: purchase.currency },
  });
  const licenses = await issueLicenses(tx, {
    purchaseId: purchase.id,
    product: order.tier.product,
    tier: order.tier,
    customerEmail: purchase.customerEmail,
    quantity: purchase.quantity,
    actor,
    issuedAt: paidAt,
  });
  await enqueuePurchaseEmails(tx, {
    purchase,
    product: order.tier.product,
    tier: order.tier,
    licenses,
    paidAt,
  });
  return { issuedNow: true, purchaseId: purchase.id, purchase, licenses };
}
