import "server-only";
import type { Tx } from "@/lib/db";
import type { ActorType, Prisma } from "@/lib/generated/prisma/client";

export type Actor = { type: ActorType; id?: string | null; label?: string | null };

/** Appends one audit row in the caller's transaction, so the change and its record commit together. */
export async function recordAudit(
  tx: Tx,
  entry: {
    actor: Actor;
    action: string;
    entityType:
      | "Purchase"
      | "License"
      | "Activation"
      | "DownloadToken"
      | "Product"
      | "EmailMessage"
      | "WebhookEvent";
    entityId: string;
    before?: Prisma.InputJsonValue;
    after?: Prisma.InputJsonValue;
  },
) {
  await tx.auditLog.create({
    data: {
      actorType: entry.actor.type,
      actorId: entry.actor.id ?? null,
      actorLabel: entry.actor.label ?? null,
      action: entry.action,
      entityType: entry.entityType,
      entityId: entry.entityId,
      before: entry.before,
      after: entry.after,
    },
  });
}
