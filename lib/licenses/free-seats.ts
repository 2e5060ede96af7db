import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import type { Prisma, Tx } from "@/lib/db";

/**
 * Deactivates the live activations that match, in one conditional update, and writes an audit
 * row for each one this call freed (a concurrent call never records the same seat twice).
 */
export async function freeSeats(tx: Tx, where: Prisma.ActivationWhereInput, actor: Actor) {
  const freed = await tx.activation.updateManyAndReturn({
    where: { ...where, deactivatedAt: null },
    data: { deactivatedAt: new Date() },
  });
  for (const activation of freed) {
    await recordAudit(tx, {
      actor,
      action: "activation.deactivated",
      entityType: "Activation",
      entityId: activation.id,
      before: { deactivatedAt: null },
      after: {
        licenseId: activation.licenseId,
        fingerprint: activation.fingerprint,
        deactivatedAt: activation.deactivatedAt!.toISOString(),
      },
    });
  }
  return freed;
}
