import "server-only";
import { tierSlug } from "@/lib/catalog/tier-kinds";
import { db } from "@/lib/db";
import { openLicenseSecret } from "@/lib/licenses/license-secrets";
import { customerLicenseState } from "@/lib/licenses/license-view";

/** Everything the account page shows about a customer's licenses; only theirs, by email. */
export async function listCustomerLicenses(options: { email: string }) {
  const now = new Date();
  const licenses = await db.license.findMany({
    where: { customerEmail: options.email },
    orderBy: { issuedAt: "desc" },
    include: {
      product: { include: { assets: { orderBy: { name: "asc" } } } },
      tier: true,
      activations: { where: { deactivatedAt: null }, orderBy: { firstSeenAt: "asc" } },
      downloadTokens: {
        where: { revokedAt: null, expiresAt: { gt: now } },
        include: { asset: { select: { name: true } } },
        orderBy: { createdAt: "desc" },
      },
    },
  });
  return licenses.map((license) => ({
    id: license.id,
    key: openLicenseSecret(license.keyCiphertext),
    certificate: openLicenseSecret(license.certificateCiphertext),
    ...customerLicenseState(license, now),
    statusReason: license.statusReason,
    productName: license.product.name,
    tierName: license.tier.name,
    tierSlug: tierSlug(license.tier.kind),
    issuedAt: license.issuedAt,
    expiresAt: license.expiresAt,
    seats: { used: license.activations.length, limit: license.seatLimit },
    devices: license.activations.map((activation) => ({
      id: activation.id,
      label: activation.label,
      platform: activation.platform,
      firstSeenAt: activation.firstSeenAt,
      lastSeenAt: activation.lastSeenAt,
    })),
    files: license.product.assets
      .filter((asset) => asset.tierId === null || asset.tierId === license.tierId)
      .map((asset) => ({
        id: asset.id,
        name: asset.name,
        fileName: asset.fileName,
        sizeBytes: Number(asset.sizeBytes),
        sha256: asset.sha256,
      })),
    downloadLinks: license.downloadTokens
      .filter((token) => token.attemptsUsed < token.maxAttempts)
      .map((token) => ({
        id: token.id,
        assetName: token.asset.name,
        expiresAt: token.expiresAt,
        attemptsLeft: token.maxAttempts - token.attemptsUsed,
      })),
  }));
}

export type CustomerLicense = Awaited<ReturnType<typeof listCustomerLicenses>>[number];
