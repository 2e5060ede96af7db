import "server-only";
import { db } from "@/lib/db";
import { minorUnitDigits } from "@/lib/format/money";
import type { Prisma } from "@/lib/generated/prisma/client";
import { openLicenseSecret } from "@/lib/licenses/license-secrets";
import type { PurchaseFilter } from "./schemas";

export function purchaseWhere(filter: PurchaseFilter): Prisma.PurchaseWhereInput {
  return {
    ...((filter.from || filter.to) && {
      createdAt: {
        ...(filter.from && { gte: new Date(`${filter.from}T00:00:00Z`) }),
        ...(filter.to && {
          lt: new Date(new Date(`${filter.to}T00:00:00Z`).getTime() + 86_400_000),
        }),
      },
    }),
    ...(filter.status && { status: filter.status }),
    ...(filter.product && { product: { slug: filter.product } }),
    ...(filter.tier && { tier: { kind: filter.tier } }),
    ...(filter.test && { testMode: filter.test === "test" }),
  };
}

export async function listPurchases(options: { filter: PurchaseFilter; limit?: number }) {
  const purchases = await db.purchase.findMany({
    where: purchaseWhere(options.filter),
    orderBy: { createdAt: "desc" },
    take: options.limit ?? 100,
    include: {
      product: { select: { name: true, slug: true } },
      tier: { select: { name: true } },
      licenses: { select: { id: true, keyCiphertext: true } },
    },
  });
  return purchases.map(({ licenses, ...purchase }) => ({
    ...purchase,
    licenses: licenses.map((license) => ({
      id: license.id,
      key: openLicenseSecret(license.keyCiphertext),
    })),
  }));
}

const csvCell = (value: unknown) => {
  const text =
    value === null || value === undefined
      ? ""
      : value instanceof Date
        ? value.toISOString()
        : String(value);
  // A leading = + - @ would be run as a formula by spreadsheet apps.
  const safe = /^[=+\-@]/.test(text) ? `'${text}` : text;
  return /[",\n\r]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const COLUMNS = [
  "created_at",
  "paid_at",
  "purchase_id",
  "source",
  "order_id",
  "status",
  "test",
  "email",
  "product",
  "tier",
  "quantity",
  "amount",
  "currency",
  "payment_intent",
  "refunded_at",
];

/** Purchases as CSV for accounting, written in pages so any date range streams in bounded memory. */
export function purchasesCsv(filter: PurchaseFilter): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  let cursor: string | undefined;
  let headerSent = false;
  return new ReadableStream({
    async pull(controller) {
      if (!headerSent) {
        headerSent = true;
        controller.enqueue(encoder.encode(`${COLUMNS.join(",")}\n`));
        return;
      }
      const page = await db.purchase.findMany({
        where: purchaseWhere(filter),
        orderBy: [{ createdAt: "asc" }, { id: "asc" }],
        take: 500,
        ...(cursor && { cursor: { id: cursor }, skip: 1 }),
        include: { product: { select: { slug: true } }, tier: { select: { kind: true } } },
      });
      if (page.length === 0) return controller.close();
      cursor = page.at(-1)!.id;
      const rows = page.map((purchase) =>
        [
          purchase.createdAt,
          purchase.paidAt,
          purchase.id,
          purchase.source,
          purchase.sourceOrderId,
          purchase.status,
          purchase.testMode,
          purchase.customerEmail,
          purchase.product.slug,
          purchase.tier.kind.toLowerCase(),
          purchase.quantity,
          (purchase.amountCents / 10 ** minorUnitDigits(purchase.currency)).toFixed(
            minorUnitDigits(purchase.currency),
          ),
          purchase.currency.toUpperCase(),
          purchase.paymentIntentId,
          purchase.refundedAt,
        ]
          .map(csvCell)
          .join(","),
      );
      controller.enqueue(encoder.encode(`${rows.join("\n")}\n`));
    },
  });
}
