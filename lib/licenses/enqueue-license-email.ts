import "server-only";
import { tierSlug } from "@/lib/catalog/tier-kinds";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatEmailDate } from "@/lib/email/format-email-date";
import type { Product, Tier } from "@/lib/generated/prisma/client";

/** The email that carries license keys, in the caller's transaction. */
export async function enqueueLicenseEmail(
  tx: Tx,
  options: {
    idempotencyKey: string;
    to: string;
    customerName: string | null;
    product: Product;
    tier: Tier;
    // Keys in clear: as issueLicenses returns them, or opened by revealLicense.
    licenses: { key: string; expiresAt: Date | null }[];
  },
) {
  const { product, tier, licenses } = options;
  const appUrl = config().appUrl;
  const expiresAt = licenses[0]?.expiresAt;
  await enqueueEmail(tx, {
    idempotencyKey: options.idempotencyKey,
    to: options.to,
    template: "license-delivery",
    props: {
      customerName: options.customerName,
      productName: product.name,
      tierName: tier.name,
      licenseName: tier.licenseName,
      termsSummary: tier.summary,
      termsUrl: `${appUrl}/license/${tierSlug(tier.kind)}`,
      portalUrl: `${appUrl}/account`,
      keys: licenses.map((license) => license.key),
      seats: tier.seatLimit,
      expiresAt: expiresAt ? formatEmailDate(expiresAt) : null,
    },
  });
}
