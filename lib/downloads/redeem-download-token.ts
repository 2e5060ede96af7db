import "server-only";
import { recordAudit } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import type { LicenseStatus } from "@/lib/generated/prisma/enums";
import {
  attemptClientOf,
  continuesAttempt,
  downloadNotFound,
  downloadRefusal,
  type DownloadRequest,
} from "./download-attempt";
import { hashDownloadToken, isDownloadTokenFormat } from "./download-token";

type LockedToken = {
  id: string;
  revokedAt: Date | null;
  expiresAt: Date;
  attemptsUsed: number;
  maxAttempts: number;
  attemptStartedAt: Date | null;
  attemptClient: string | null;
  licenseStatus: LicenseStatus;
  licenseExpiresAt: Date | null;
};

/**
 * A GET of a download link that is about to receive bytes starts an attempt, or carries on the
 * current one (see `continuesAttempt`). The link's row is locked while this is decided, so however
 * many requests arrive at once, no more attempts start than the link allows. The link must be
 * unexpired, not revoked, and its license usable (a refund or revocation ends its downloads).
 */
export async function redeemDownloadToken(
  options: { token: string } & DownloadRequest,
): Promise<void> {
  if (!isDownloadTokenFormat(options.token)) throw downloadNotFound();
  const hash = hashDownloadToken(options.token);
  const now = new Date();
  await db.$transaction(async (tx) => {
    const [locked] = await tx.$queryRaw<LockedToken[]>`
      SELECT d.id, d."revokedAt", d."expiresAt", d."attemptsUsed", d."maxAttempts",
        d."attemptStartedAt", d."attemptClient",
        l.status AS "licenseStatus", l."expiresAt" AS "licenseExpiresAt"
      FROM "DownloadToken" d JOIN "License" l ON l.id = d."licenseId"
      WHERE d."tokenHash" = ${hash}
      FOR UPDATE OF d`;
    if (!locked) throw downloadNotFound();
    const state = {
      ...locked,
      license: { status: locked.licenseStatus, expiresAt: locked.licenseExpiresAt },
    };
    const refusal = downloadRefusal(state, options, now);
    if (refusal) throw refusal;
    if (continuesAttempt(state, options, now)) {
      await tx.downloadToken.update({ where: { id: locked.id }, data: { lastUsedAt: now } });
      return;
    }
    const counted = await tx.downloadToken.update({
      where: { id: locked.id },
      data: {
        attemptsUsed: { increment: 1 },
        attemptStartedAt: now,
        attemptClient: attemptClientOf(options.clientIp),
        lastUsedAt: now,
      },
    });
    await recordAudit(tx, {
      actor: { type: "CUSTOMER", label: "download link" },
      action: "download.redeemed",
      entityType: "DownloadToken",
      entityId: locked.id,
      after: { attemptsUsed: counted.attemptsUsed },
    });
  });
}
