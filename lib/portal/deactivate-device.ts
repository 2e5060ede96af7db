import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** Frees the seat a device holds, from the customer's account. */
export async function deactivateDevice(options: {
  email: string;
  activationId: string;
  actor: Actor;
}) {
  await db.$transaction(async (tx) => {
    const deactivatedAt = new Date();
    const { count } = await tx.activation.updateMany({
      where: {
        id: options.activationId,
        deactivatedAt: null,
        license: { customerEmail: options.email },
      },
      data: { deactivatedAt },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "No such device.");
    await recordAudit(tx, {
      actor: options.actor,
      action: "activation.deactivated",
      entityType: "Activation",
      entityId: options.activationId,
      before: { deactivatedAt: null },
      after: { deactivatedAt: deactivatedAt.toISOString() },
    });
  });
}
