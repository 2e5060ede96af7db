import "server-only";
import { recordAudit, type Actor } from "@/lib/audit/record-audit";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors/app-error";
import { licenseUsability } from "@/lib/licenses/license-usability";
import { canDownloadFiles } from "@/lib/licenses/license-view";
import {
  DOWNLOAD_TOKEN_ATTEMPTS,
  DOWNLOAD_TOKEN_HOURS,
  hashDownloadToken,
  newDownloadToken,
} from "./download-token";

/**
 * A download link for a file the customer's license entitles them to: 48 hours, 5 attempts.
 * The token is returned once, to be shown as a link; the database keeps only its hash.
 */
export async function issueDownloadToken(options: {
  email: string;
  licenseId: string;
  assetId: string;
  actor: Actor;
}) {
  const license = await db.license.findFirst({
    where: { id: options.licenseId, customerEmail: options.email },
  });
  const asset = license
    ? await db.asset.findFirst({
        where: {
          id: options.assetId,
          productId: license.productId,
          OR: [{ tierId: null }, { tierId: license.tierId }],
        },
      })
    : null;
  if (!license || !asset) throw new AppError("NOT_FOUND", "No such file for this license.");
  if (!canDownloadFiles(license))
    throw new AppError(
      "LICENSE_NOT_USABLE",
      `This license is ${licenseUsability(license).toLowerCase()}: its files cannot be downloaded.`,
    );

  const token = newDownloadToken();
  const expiresAt = new Date(Date.now() + DOWNLOAD_TOKEN_HOURS * 3_600_000);
  await db.$transaction(async (tx) => {
    const created = await tx.downloadToken.create({
      data: {
        tokenHash: hashDownloadToken(token),
        assetId: asset.id,
        licenseId: license.id,
        expiresAt,
        maxAttempts: DOWNLOAD_TOKEN_ATTEMPTS,
      },
    });
    await recordAudit(tx, {
      actor: options.actor,
      action: "download_token.issued",
      entityType: "DownloadToken",
      entityId: created.id,
      after: { licenseId: license.id, assetId: asset.id, expiresAt: expiresAt.toISOString() },
    });
  });
  return { token, expiresAt, fileName: asset.fileName };
}
