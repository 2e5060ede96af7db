import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { PurchaseStatus } from "@/lib/generated/prisma/client";
import { FULFILLMENT_TRANSACTION } from "./fulfill-order";

/**
 * A checkout session expired: a purchase still PENDING for it becomes ABANDONED, and is never
 * licensed. A purchase in any other state (PAID above all) is settled and left as it is; a session
 * that never got as far as a purchase has nothing to mark.
 */
export async function abandonCheckout(options: { sessionId: string; actor: Actor }) {
  await db.$transaction(async (tx) => {
    const [purchase] = await tx.$queryRaw<{ id: string; status: PurchaseStatus }[]>`
      SELECT id, status FROM "Purchase"
      WHERE source = 'STRIPE' AND "sourceOrderId" = ${options.sessionId}
      FOR UPDATE`;
    if (purchase?.status !== "PENDING") return;
    await tx.purchase.update({ where: { id: purchase.id }, data: { status: "ABANDONED" } });
    await recordAudit(tx, {
      actor: options.actor,
      action: "purchase.abandoned",
      entityType: "Purchase",
      entityId: purchase.id,
      before: { status: "PENDING" },
      after: { status: "ABANDONED" },
    });
  }, FULFILLMENT_TRANSACTION);
}
