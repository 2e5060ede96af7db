import Link from "next/link";
import { formatMoney } from "@/lib/format/money";
import { ScrollTable } from "@/components/ui/scroll-table";
import { formatDay } from "@/lib/format/dates";

type Purchase = {
  id: string;
  receiptNumber: string;
  date: Date;
  productName: string;
  tierName: string;
  amountCents: number;
  currency: string;
  status: string;
};

export function PurchaseList({ purchases }: { purchases: Purchase[] }) {
  return (
    <ScrollTable framed tableClassName="min-w-[36rem]">
      <caption className="sr-only">Your purchases</caption>
      <thead className="bg-slate-50 text-slate-600">
        <tr>
          <th scope="col" className="px-4 py-2 font-medium">
            Date
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Item
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Amount
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            Status
          </th>
          <th scope="col" className="px-4 py-2 font-medium">
            <span className="sr-only">Receipt</span>
          </th>
        </tr>
      </thead>
      <tbody className="divide-y divide-slate-100">
        {purchases.map((purchase) => (
          <tr key={purchase.id}>
            <td className="px-4 py-2 whitespace-nowrap">{formatDay(purchase.date)}</td>
            <td className="px-4 py-2">
              {purchase.productName} · {purchase.tierName}
            </td>
            <td className="px-4 py-2 whitespace-nowrap">
              {formatMoney(purchase.amountCents, purchase.currency)}
            </td>
            <td className="px-4 py-2 capitalize">{purchase.status.toLowerCase()}</td>
            <td className="px-4 py-2">
              <Link
                href={`/account/purchases/${purchase.id}/receipt`}
                className="text-brand-700 font-medium hover:underline"
              >
                Receipt<span className="sr-only"> {purchase.receiptNumber}</span>
              </Link>
            </td>
          </tr>
        ))}
      </tbody>
    </ScrollTable>
  );
}
