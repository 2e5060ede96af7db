import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { StatusBadge } from "@/components/ui/status-badge";
import { formatDay } from "@/lib/format/dates";
import { formatMoney } from "@/lib/format/money";
import type { listCustomerPurchases } from "@/lib/portal/list-customer-purchases";

type Purchase = Awaited<ReturnType<typeof listCustomerPurchases>>[number];

export function PurchaseList({ purchases }: { purchases: Purchase[] }) {
  return (
    <DataTable
      caption="Your purchases"
      framed
      minWidth="36rem"
      rows={purchases}
      rowKey={(purchase) => purchase.id}
      columns={[
        {
          header: "Date",
          cell: (purchase) => formatDay(purchase.date),
          className: "whitespace-nowrap",
        },
        { header: "Item", cell: (purchase) => `${purchase.productName} · ${purchase.tierName}` },
        {
          header: "Amount",
          cell: (purchase) => formatMoney(purchase.amountCents, purchase.currency),
          className: "whitespace-nowrap",
        },
        { header: "Status", cell: (purchase) => <StatusBadge status={purchase.status} /> },
        {
          header: "Receipt",
          hideHeader: true,
          cell: (purchase) => (
            <Link
              href={`/account/purchases/${purchase.id}/receipt`}
              className="text-brand-700 font-medium hover:underline"
            >
              Receipt<span className="sr-only"> {purchase.receiptNumber}</span>
            </Link>
          ),
        },
      ]}
    />
  );
}
