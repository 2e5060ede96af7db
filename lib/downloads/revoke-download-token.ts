import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";

/** Ends a download link before its time; only the customer who owns its license may. */
export async function revokeDownloadToken(options: {
  email: string;
  downloadTokenId: string;
  actor: Actor;
}) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.downloadToken.updateMany({
      where: {
        id: options.downloadTokenId,
        revokedAt: null,
        license: { customerEmail: options.email },
      },
      data: { revokedAt: new Date() },
    });
    if (count === 0) throw new AppError("NOT_FOUND", "No such download link.");
    await recordAudit(tx, {
      actor: options.actor,
      action: "download_token.revoked",
      entityType: "DownloadToken",
      entityId: options.downloadTokenId,
    });
  });
}
