import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db, type Tx } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import type { LicenseStatus, PurchaseStatus } from "@/lib/generated/prisma/client";
import { findCheckoutSessionForPayment } from "@/lib/payments/retrieve-checkout-session";
import { readCheckoutOrder } from "./checkout-order";
import { FULFILLMENT_TRANSACTION } from "./fulfill-checkout";
import { lockCheckoutPurchase } from "./lock-checkout-purchase";

const REVERSALS = {
  refund: {
    purchase: "REFUNDED",
    license: "REVOKED",
    reason: "Payment refunded",
    affects: ["ACTIVE", "SUSPENDED"],
  },
  dispute: {
    purchase: "DISPUTED",
    license: "SUSPENDED",
    reason: "Payment disputed",
    affects: ["ACTIVE"],
  },
} as const satisfies Record<
  string,
  { purchase: PurchaseStatus; license: LicenseStatus; reason: string; affects: LicenseStatus[] }
>;

/**
 * A refund or dispute on a payment: the purchase becomes REFUNDED (licenses REVOKED) or DISPUTED
 * (licenses SUSPENDED). When the event beats the checkout's own, the purchase is recorded here
 * already reversed, so the late `checkout.session.completed` finds it settled and issues nothing.
 * A refund never gives way to a dispute: a refunded purchase stays refunded.
 */
export async function reversePayment(options: {
  paymentIntentId: string;
  kind: keyof typeof REVERSALS;
  actor: Actor;
}) {
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
      ? await lockCheckoutPurchase(tx, { order, status: reversal.purchase, actor: options.actor })
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
      where: { purchaseId: purchase.id, status: { in: [...reversal.affects] } },
      select: { id: true, status: true },
    });
    for (const license of licenses) {
      await tx.license.update({
        where: { id: license.id },
        data: {
          status: reversal.license,
          statusReason: reversal.reason,
          statusChangedAt: new Date(),
        },
      });
      await recordAudit(tx, {
        actor: options.actor,
        action: `license.${reversal.license.toLowerCase()}`,
        entityType: "License",
        entityId: license.id,
        before: { status: license.status },
        after: { status: reversal.license, reason: reversal.reason },
      });
    }
  }, FULFILLMENT_TRANSACTION);
}

async function lockPurchaseById(tx: Tx, id: string) {
  const [row] = await tx.$queryRaw<{ id: string; status: PurchaseStatus }[]>`
    SELECT id, status FROM "Purchase" WHERE id = ${id} FOR UPDATE`;
  return row!;
}
