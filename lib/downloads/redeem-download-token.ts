import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { licenseStatus } from "@/lib/licenses/license-status";
import { hashDownloadToken } from "./download-token";

type Redeemed = { id: string; assetId: string; attemptsUsed: number; maxAttempts: number };

/**
 * Counts one attempt of a download link and returns its file, in one conditional UPDATE: however
 * many requests arrive at once, no more than the allowed attempts get through. The link must be
 * unexpired, not revoked, and its license usable (a refund or revocation ends its downloads).
 */
export async function redeemDownloadToken(options: { token: string }) {
  const hash = hashDownloadToken(options.token);
  const redeemed = await db.$transaction(async (tx) => {
    const [row] = await tx.$queryRaw<Redeemed[]>`
      UPDATE "DownloadToken" d SET "attemptsUsed" = d."attemptsUsed" + 1, "lastUsedAt" = now()
      FROM "License" l
      WHERE d."tokenHash" = ${hash} AND l.id = d."licenseId"
        AND d."revokedAt" IS NULL AND d."expiresAt" > now() AND d."attemptsUsed" < d."maxAttempts"
        AND l.status = 'ACTIVE' AND (l."expiresAt" IS NULL OR l."expiresAt" > now())
      RETURNING d.id, d."assetId", d."attemptsUsed", d."maxAttempts"`;
    if (row) {
      await recordAudit(tx, {
        actor: { type: "CUSTOMER", label: "download link" },
        action: "download.redeemed",
        entityType: "DownloadToken",
        entityId: row.id,
        after: { attemptsUsed: row.attemptsUsed },
      });
    }
    return row;
  });
  if (!redeemed) throw await whyUnavailable(hash);
  const asset = await db.asset.findUniqueOrThrow({ where: { id: redeemed.assetId } });
  return { asset, attemptsLeft: redeemed.maxAttempts - redeemed.attemptsUsed };
}

async function whyUnavailable(hash: string): Promise<AppError> {
  const token = await db.downloadToken.findUnique({
    where: { tokenHash: hash },
    include: { license: true },
  });
  if (!token)
    return new AppError(
      "NOT_FOUND",
      "This download link does not exist. Check that you copied all of it.",
    );
  if (token.revokedAt) return new AppError("DOWNLOAD_REVOKED", "This download link was revoked.");
  const code = licenseStatus(token.license);
  if (code !== "VALID") {
    return new AppError(
      "LICENSE_NOT_USABLE",
      `The license of this download is ${code.toLowerCase()}, so its files can no longer be downloaded.`,
    );
  }
  if (token.expiresAt <= new Date())
    return new AppError("DOWNLOAD_EXPIRED", "This download link has expired.");
  return new AppError(
    "DOWNLOAD_USED_UP",
    "This download link has been used the maximum number of times.",
  );
}
