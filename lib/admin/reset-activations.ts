import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { freeSeats } from "@/lib/licenses/free-seats";

/** Frees every seat of a license, e.g. after a customer replaced all their machines. */
export async function resetActivations(options: { licenseId: string; actor: Actor }) {
  await db.$transaction(async (tx) => {
    const freed = await freeSeats(tx, { licenseId: options.licenseId }, options.actor);
    await recordAudit(tx, {
      actor: options.actor,
      action: "license.activations_reset",
      entityType: "License",
      entityId: options.licenseId,
      after: { deactivated: freed.length },
    });
  });
}
