import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { retrieveCheckoutSession } from "@/lib/payments/retrieve-checkout-session";
import { readCheckoutOrder } from "./checkout-order";
import { FULFILLMENT_TRANSACTION } from "./fulfill-order";
import { recordPurchase } from "./record-purchase";

/** A delayed payment failed: its purchase becomes FAILED and no license is ever issued for it. */
export async function failCheckout(options: { sessionId: string; actor: Actor }) {
  const order = await readCheckoutOrder(await retrieveCheckoutSession(options.sessionId));
  await db.$transaction(async (tx) => {
    const purchase = await recordPurchase(tx, {
      order,
      status: "FAILED",
      actor: options.actor,
    });
    if (purchase.status !== "PENDING") return;
    await tx.purchase.update({ where: { id: purchase.id }, data: { status: "FAILED" } });
    await recordAudit(tx, {
      actor: options.actor,
      action: "purchase.failed",
      entityType: "Purchase",
      entityId: purchase.id,
      before: { status: "PENDING" },
      after: { status: "FAILED" },
    });
  }, FULFILLMENT_TRANSACTION);
}
