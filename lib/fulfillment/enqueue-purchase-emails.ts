import "server-only";
import type { Tx } from "@/lib/db";
import { enqueueEmail } from "@/lib/email/enqueue-email";
import { formatEmailDate } from "@/lib/email/format-email-date";
import { formatMoney } from "@/lib/format/money";
import type { Product, Purchase, Tier } from "@/lib/generated/prisma/client";
import { enqueueLicenseEmail } from "@/lib/licenses/enqueue-license-email";

/** The license email and the receipt for a purchase that has just been paid, in its transaction. */
export async function enqueuePurchaseEmails(
  tx: Tx,
  options: {
    purchase: Purchase;
    product: Product;
    tier: Tier;
    licenses: { key: string; expiresAt: Date | null }[];
    paidAt: Date;
  },
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
      paidAt: formatEmailDate(options.paidAt),
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
