import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { Suspense } from "react";
import { AccountSkeleton } from "@/components/portal/account-skeleton";
import { PrintButton } from "@/components/portal/print-button";
import { requireCustomer } from "@/lib/auth/session";
import { formatMoney } from "@/lib/format/money";
import { statusLabel } from "@/lib/format/status";
import { findCustomerPurchase } from "@/lib/portal/list-customer-purchases";
import { formatDay } from "@/lib/format/dates";

export const metadata: Metadata = { title: "Receipt", robots: { index: false } };

async function Receipt({
  params,
}: {
  params: PageProps<"/account/purchases/[purchaseId]/receipt">["params"];
}) {
  const { purchaseId } = await params;
  const viewer = await requireCustomer(`/account/purchases/${purchaseId}/receipt`);
  const purchase = await findCustomerPurchase({ email: viewer.email, purchaseId });
  if (!purchase) notFound();

  const rows: [string, string][] = [
    ["Receipt number", purchase.receiptNumber],
    ["Date", formatDay(purchase.paidAt ?? purchase.createdAt)],
    [
      "Billed to",
      purchase.customerName
        ? `${purchase.customerName} <${purchase.customerEmail}>`
        : purchase.customerEmail,
    ],
    [
      "Item",
      `${purchase.product.name}, ${purchase.tier.licenseName}${purchase.quantity > 1 ? ` × ${purchase.quantity}` : ""}`,
    ],
    ["Amount", formatMoney(purchase.amountCents, purchase.currency)],
    ["Status", statusLabel(purchase.status)],
    ["Payment reference", purchase.paymentIntentId ?? purchase.sourceOrderId],
    ["License keys", purchase.licenses.map((license) => license.key).join(", ") || "none"],
  ];
  return (
    <article className="mx-auto max-w-2xl rounded-xl border border-slate-200 bg-white p-8 print:border-0 print:p-0">
      <div className="flex items-start justify-between gap-4">
        <div>
          <p className="text-brand-700 text-sm font-semibold">Keyfront</p>
          <h1 className="mt-1 text-2xl font-bold tracking-tight">Receipt</h1>
        </div>
        <PrintButton />
      </div>
      <dl className="mt-6 divide-y divide-slate-100">
        {rows.map(([label, value]) => (
          <div key={label} className="grid grid-cols-1 gap-1 py-3 sm:grid-cols-3">
            <dt className="text-sm text-slate-600">{label}</dt>
            <dd className="text-sm font-medium break-words sm:col-span-2">{value}</dd>
          </div>
        ))}
      </dl>
    </article>
  );
}

export default function ReceiptPage(props: PageProps<"/account/purchases/[purchaseId]/receipt">) {
  return (
    <Suspense fallback={<AccountSkeleton />}>
      <Receipt params={props.params} />
    </Suspense>
  );
}
