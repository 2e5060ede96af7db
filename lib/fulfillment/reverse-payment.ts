import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { PurchaseStatus } from "@/lib/generated/prisma/client";
import { revokeLicense, suspendLicense } from "@/lib/licenses/change-license-status";
import { findCheckoutSessionForPayment } from "@/lib/payments/retrieve-checkout-session";
import { readCheckoutOrder } from "./checkout-order";
import { FULFILLMENT_TRANSACTION } from "./fulfill-order";
import { recordPurchase } from "./record-purchase";

const REVERSALS = {
  refund: {
    purchase: "REFUNDED",
    reason: "Payment refunded",
    reverseLicense: revokeLicense,
  },
  dispute: {
    purchase: "DISPUTED",
    reason: "Payment disputed",
    // A dispute never turns a revoked license into a suspended one.
    reverseLicense: (tx, options) => suspendLicense(tx, { ...options, onlyFrom: ["ACTIVE"] }),
  },
} satisfies Record<
  "refund" | "dispute",
  { purchase: PurchaseStatus; reason: string; reverseLicense: typeof revokeLicense }
>;

/**
 * A refund or dispute on a payment: the purchase becomes REFUNDED (licenses REVOKED) or DISPUTED
 * (licenses SUSPENDED). When the event beats the checkout's own, the purchase is recorded here
 * already reversed, so the late `checkout.session.completed` finds it settled and issues nothing.
 * A refund never gives way to a dispute: a refunded purchase stays refunded.
 */
export async function reversePayment(
  options: { paymentIntentId: string; actor: Actor } & (
    { kind: "refund" } | { kind: "dispute"; disputeId: string }
  ),
) {
  const reversal = REVERSALS[options.kind];
  const existing = await db.purchase.findFirst({
    where: { source: "STRIPE", paymentIntentId: options.paymentIntentId },
  });
  const session = existing
    ? undefined
    : await findCheckoutSessionForPayment(options.paymentIntentId);
  if (!existing && !session) {
    throw new AppError(
      "PAYMENT_NOT_FOUND",
      `Payment ${options.paymentIntentId} did not come from a Keyfront checkout.`,
    );
  }
  const order = session ? await readCheckoutOrder(session) : undefined;

  await db.$transaction(async (tx) => {
    const purchase = order
      ? await recordPurchase(tx, { order, status: reversal.purchase, actor: options.actor })
      : await lockPurchaseById(tx, existing!.id);
    if (purchase.status === reversal.purchase || purchase.status === "REFUNDED") return;

    await tx.purchase.update({
      where: { id: purchase.id },
      data: {
        status: reversal.purchase,
        ...(options.kind === "refund" && { refundedAt: new Date() }),
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: `purchase.${reversal.purchase.toLowerCase()}`,
      entityType: "Purchase",
      entityId: purchase.id,
      before: { status: purchase.status },
      after: { status: reversal.purchase },
    });
    const licenses = await tx.license.findMany({
      where: { purchaseId: purchase.id },
      orderBy: { id: "asc" },
      select: { id: true },
    });
    for (const license of licenses) {
      const changed = await reversal.reverseLicense(tx, {
        licenseId: license.id,
        reason: reversal.reason,
        actor: options.actor,
      });
      // What this dispute suspended, and only that, is what its closing reinstates or revokes.
      if (changed && options.kind === "dispute") {
        await tx.license.update({
          where: { id: license.id },
          data: { suspendedByDisputeId: options.disputeId },
        });
      }
    }
  }, FULFILLMENT_TRANSACTION);
}

async function lockPurchaseById(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ id: string; status: PurchaseStatus }[]>`
    SELECT id, status FROM "Purchase" WHERE id = ${id} FOR UPDATE`;
  return row!;
}
