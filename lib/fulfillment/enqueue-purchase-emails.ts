import "server-only";
import { tierSlug } from "@/lib/catalog/tier-kinds";
import { config } from "@/lib/config";
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatMoney } from "@/lib/format/money";
import type { License, Product, Purchase, Tier } from "@/lib/generated/prisma/client";

const dateFormat = new Intl.DateTimeFormat("en-GB", { dateStyle: "long", timeZone: "UTC" });

/** The email that carries license keys, in the caller's transaction. */
export async function enqueueLicenseEmail(
  tx: Tx,
  options: {
    idempotencyKey: string;
    to: string;
    customerName: string | null;
    product: Product;
    tier: Tier;
    licenses: License[];
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
      expiresAt: expiresAt ? dateFormat.format(expiresAt) : null,
    },
  });
}

/** The license email and the receipt for a purchase that has just been paid, in its transaction. */
export async function enqueuePurchaseEmails(
  tx: Tx,
  options: { purchase: Purchase; product: Product; tier: Tier; licenses: License[]; paidAt: Date },
) {
  const { purchase, product, tier } = options;
  await enqueueLicenseEmail(tx, {
    idempotencyKey: `license-delivery:${purchase.id}`,
    to: purchase.customerEmail,
    customerName: purchase.customerName,
    product,
    tier,
    licenses: options.licenses,
  });
  await enqueueEmail(tx, {
    idempotencyKey: `receipt:${purchase.id}`,
    to: purchase.customerEmail,
    template: "receipt",
    props: {
      customerName: purchase.customerName,
      receiptNumber: receiptNumber(purchase),
      paidAt: dateFormat.format(options.paidAt),
      productName: product.name,
      tierName: tier.name,
      quantity: purchase.quantity,
      amount: formatMoney(purchase.amountCents, purchase.currency),
      paymentReference: purchase.paymentIntentId,
    },
  });
}

export function receiptNumber(purchase: Pick<Purchase, "id" | "createdAt">): string {
  const day = purchase.createdAt.toISOString().slice(0, 10).replace(/-/g, "");
  return `KF-${day}-${purchase.id.slice(-6).toUpperCase()}`;
}
