import "server-only";
import type { Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { freeSeats } from "@/lib/licenses/free-seats";

/** Frees the seat a device holds, from the customer's account. */
export async function deactivateDevice(options: {
  email: string;
  activationId: string;
  actor: Actor;
}) {
  await db.$transaction(async (tx) => {
    const freed = await freeSeats(
      tx,
      { id: options.activationId, license: { customerEmail: options.email } },
      options.actor,
    );
    if (freed.length === 0) throw new AppError("NOT_FOUND", "No such device.");
  });
}
