import type { Metadata } from "next";
import Link from "next/link";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { storeOverview } from "@/lib/admin/store-overview";
import { requireAdmin } from "@/lib/auth/session";
import { formatMoney } from "@/lib/format/money";

export const metadata: Metadata = { title: "Admin", robots: { index: false } };

async function Overview() {
  await requireAdmin();
  const overview = await storeOverview();
  const maxSales = Math.max(1, ...overview.days.map((day) => day.sales));
  return (
    <>
      {overview.alerts.failedWebhooks + overview.alerts.failedEmails > 0 ? (
        <section
          aria-label="Alerts"
          className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-amber-900"
        >
          {overview.alerts.failedWebhooks > 0 ? (
            <p>
              <Link href="/admin/webhooks?status=FAILED" className="font-semibold underline">
                {overview.alerts.failedWebhooks} webhook event(s) failed
              </Link>
              : fix and replay them.
            </p>
          ) : null}
          {overview.alerts.failedEmails > 0 ? (
            <p>
              <Link href="/admin/emails?status=FAILED" className="font-semibold underline">
                {overview.alerts.failedEmails} email(s) failed
              </Link>
              : retry them.
            </p>
          ) : null}
        </section>
      ) : (
        <p className="text-sm text-emerald-800">No failed webhooks or emails.</p>
      )}

      <section aria-labelledby="daily">
        <h2 id="daily" className="text-lg font-semibold">
          Sales per day, last 30 days
        </h2>
        <div
          aria-hidden
          className="mt-3 flex h-40 items-end gap-1 rounded-xl border border-slate-200 bg-white p-3"
        >
          {overview.days.map((day) => (
            <div
              key={day.day}
              title={`${day.day}: ${day.sales} sale(s)`}
              className="bg-brand-600 flex-1 rounded-t"
              style={{ height: `${(day.sales / maxSales) * 100}%`, minHeight: day.sales ? 4 : 1 }}
            />
          ))}
        </div>
        <details className="mt-2 text-sm">
          <summary className="cursor-pointer text-slate-700">Revenue per day as a table</summary>
          <div className="mt-2">
            <DataTable
              caption="Revenue per day, last 30 days"
              minWidth="20rem"
              rows={overview.days.filter((day) => day.sales > 0)}
              rowKey={(day) => day.day}
              columns={[
                { header: "Day", cell: (day) => day.day },
                { header: "Sales", cell: (day) => day.sales },
                {
                  header: "Revenue",
                  cell: (day) =>
                    day.revenue.map((r) => formatMoney(r.cents, r.currency)).join(" + "),
                },
              ]}
            />
          </div>
        </details>
      </section>

      <section aria-labelledby="tiers">
        <h2 id="tiers" className="text-lg font-semibold">
          Sales by tier, last 30 days
        </h2>
        <div className="mt-2">
          {overview.byTier.length === 0 ? (
            <EmptyState>No sales yet.</EmptyState>
          ) : (
            <DataTable
              caption="Sales by tier, last 30 days"
              minWidth="28rem"
              rows={overview.byTier}
              rowKey={(row) => `${row.product}-${row.tier}-${row.currency}`}
              columns={[
                { header: "Product", cell: (row) => row.product },
                { header: "Tier", cell: (row) => row.tier },
                { header: "Sales", cell: (row) => row.sales },
                { header: "Revenue", cell: (row) => formatMoney(row.revenue, row.currency) },
              ]}
            />
          )}
        </div>
      </section>

      <section aria-labelledby="recent">
        <h2 id="recent" className="text-lg font-semibold">
          Recent purchases
        </h2>
        <ul className="mt-2 divide-y divide-slate-100 text-sm">
          {overview.recent.map((purchase) => (
            <li key={purchase.id} className="flex flex-wrap justify-between gap-2 py-2">
              <span>
                {purchase.customerEmail} · {purchase.product.name} {purchase.tier.name}
              </span>
              <span>
                {formatMoney(purchase.amountCents, purchase.currency)}{" "}
                <StatusBadge status={purchase.status} size="xs" />
              </span>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}

export default function AdminOverviewPage() {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Overview</h1>
      <Overview />
    </>
  );
}
