import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";

/** Frees every seat of a license, e.g. after a customer replaced all their machines. */
export async function resetActivations(options: { licenseId: string; actor: Actor }) {
  await db.$transaction(async (tx) => {
    const live = await tx.activation.findMany({
      where: { licenseId: options.licenseId, deactivatedAt: null },
      select: { id: true },
    });
    const deactivatedAt = new Date();
    await tx.activation.updateMany({
      where: { id: { in: live.map((activation) => activation.id) } },
      data: { deactivatedAt },
    });
    for (const activation of live) {
      await recordAudit(tx, {
        actor: options.actor,
        action: "activation.deactivated",
        entityType: "Activation",
        entityId: activation.id,
        before: { deactivatedAt: null },
        after: { licenseId: options.licenseId, deactivatedAt: deactivatedAt.toISOString() },
      });
    }
    await recordAudit(tx, {
      actor: options.actor,
      action: "license.activations_reset",
      entityType: "License",
      entityId: options.licenseId,
      after: { deactivated: live.length },
    });
  });
}
