import "server-only";
import { db } from "@/lib/db";
import { receiptNumber } from "@/lib/fulfillment/enqueue-purchase-emails";
import { openLicenseSecret } from "@/lib/licenses/license-secrets";

/** A customer's purchases, newest first; only theirs, by email. */
export async function listCustomerPurchases(options: { email: string }) {
  const purchases = await db.purchase.findMany({
    where: { customerEmail: options.email },
    orderBy: { createdAt: "desc" },
    include: { product: { select: { name: true } }, tier: { select: { name: true } } },
  });
  return purchases.map((purchase) => ({
    id: purchase.id,
    receiptNumber: receiptNumber(purchase),
    date: purchase.paidAt ?? purchase.createdAt,
    productName: purchase.product.name,
    tierName: purchase.tier.name,
    quantity: purchase.quantity,
    amountCents: purchase.amountCents,
    currency: purchase.currency,
    status: purchase.status,
  }));
}

/** One purchase for its receipt, or null when it is not this customer's (answered as 404). */
export async function findCustomerPurchase(options: { email: string; purchaseId: string }) {
  const purchase = await db.purchase.findFirst({
    where: { id: options.purchaseId, customerEmail: options.email },
    include: {
      product: { select: { name: true } },
      tier: { select: { name: true, licenseName: true } },
      licenses: { select: { keyCiphertext: true } },
    },
  });
  return (
    purchase && {
      ...purchase,
      receiptNumber: receiptNumber(purchase),
      licenses: purchase.licenses.map((license) => ({
        key: openLicenseSecret(license.keyCiphertext),
      })),
    }
  );
}
