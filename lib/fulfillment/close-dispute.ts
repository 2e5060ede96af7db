import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { PurchaseStatus } from "@/lib/generated/prisma/client";
import { reinstateLicense, revokeLicense } from "@/lib/licenses/change-license-status";
import { FULFILLMENT_TRANSACTION } from "./fulfill-order";

/**
 * A dispute closed with a decision. Won: the seller kept the money, so the licenses this dispute
 * suspended are active again and the purchase is PAID again. Lost: the money went back to the
 * buyer, as with a refund, so the licenses this dispute suspended are revoked; the purchase stays
 * DISPUTED, which is what happened to it. Licenses an admin suspended, revoked or reinstated are
 * left as the admin left them: only a license still carrying this dispute's mark changes. Closing a
 * dispute again changes nothing more.
 */
export async function closeDispute(options: {
  disputeId: string;
  paymentIntentId: string;
  outcome: "won" | "lost";
  actor: Actor;
}) {
  await db.$transaction(async (tx) => {
    const [purchase] = await tx.$queryRaw<{ id: string; status: PurchaseStatus }[]>`
      SELECT id, status FROM "Purchase"
      WHERE source = 'STRIPE' AND "paymentIntentId" = ${options.paymentIntentId}
      FOR UPDATE`;
    // A payment that did not come from a Keyfront checkout: nothing of ours was suspended.
    if (!purchase) return;
    const suspended = await tx.$queryRaw<{ id: string }[]>`
      SELECT id FROM "License"
      WHERE "purchaseId" = ${purchase.id} AND "suspendedByDisputeId" = ${options.disputeId}
        AND status = 'SUSPENDED'
      ORDER BY id
      FOR UPDATE`;
    for (const license of suspended) {
      const transition = {
        licenseId: license.id,
        actor: options.actor,
        onlyFrom: ["SUSPENDED"] as const,
      };
      if (options.outcome === "won") await reinstateLicense(tx, transition);
      else await revokeLicense(tx, { ...transition, reason: "Payment dispute lost" });
    }
    if (options.outcome === "won" && purchase.status === "DISPUTED") {
      await tx.purchase.update({ where: { id: purchase.id }, data: { status: "PAID" } });
      await recordAudit(tx, {
        actor: options.actor,
        action: "purchase.dispute_won",
        entityType: "Purchase",
        entityId: purchase.id,
        before: { status: "DISPUTED" },
        after: { status: "PAID" },
      });
    }
  }, FULFILLMENT_TRANSACTION);
}
