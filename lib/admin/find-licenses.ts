import "server-only";
import { db } from "@/lib/db";
import type { Prisma } from "@/lib/generated/prisma/client";
import { hashLicenseKey } from "@/lib/licenses/license-key";
import { revealLicense } from "@/lib/licenses/license-secrets";
import { normalizeKey } from "@/lib/licenses/license-view";

/**
 * Licenses matching a whole key (keys are stored encrypted: found by their hash, never by a part),
 * an email, a purchase id or a Stripe session / payment id.
 */
export async function findLicenses(options: { query: string; limit?: number }) {
  const query = options.query.trim();
  const where: Prisma.LicenseWhereInput = query
    ? {
        OR: [
          { keyHash: hashLicenseKey(normalizeKey(query)) },
          { customerEmail: { contains: query.toLowerCase() } },
          { purchaseId: query },
          { purchase: { sourceOrderId: query } },
          { purchase: { paymentIntentId: query } },
        ],
      }
    : {};
  const licenses = await db.license.findMany({
    where,
    orderBy: { issuedAt: "desc" },
    take: options.limit ?? 50,
    include: { product: { select: { name: true } }, tier: { select: { name: true } } },
  });
  return licenses.map(revealLicense);
}

/** One license with everything an admin needs to act on it, and its history. */
export async function getLicenseDetail(options: { licenseId: string }) {
  const license = await db.license.findUnique({
    where: { id: options.licenseId },
    include: {
      product: true,
      tier: true,
      purchase: true,
      activations: { orderBy: { firstSeenAt: "asc" } },
      downloadTokens: {
        orderBy: { createdAt: "desc" },
        include: { asset: { select: { name: true } } },
      },
    },
  });
  if (!license) return null;
  const entityIds = [
    license.id,
    ...(license.purchaseId ? [license.purchaseId] : []),
    ...license.activations.map((a) => a.id),
    ...license.downloadTokens.map((t) => t.id),
  ];
  const timeline = await db.auditLog.findMany({
    where: { entityId: { in: entityIds } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  // A seat is used while its activation is live, as the license API counts it.
  const used = license.activations.filter((activation) => activation.deactivatedAt === null).length;
  return { license: revealLicense(license), seats: { used, limit: license.seatLimit }, timeline };
}
