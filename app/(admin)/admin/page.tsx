import type { Metadata } from "next";
import Link from "next/link";
import { AdminPage } from "@/components/admin/admin-page";
import { storeOverview } from "@/lib/admin/operations";
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
          <table className="mt-2 w-full text-left">
            <thead>
              <tr>
                <th scope="col" className="py-1">
                  Day
                </th>
                <th scope="col">Sales</th>
                <th scope="col">Revenue</th>
              </tr>
            </thead>
            <tbody>
              {overview.days
                .filter((day) => day.sales > 0)
                .map((day) => (
                  <tr key={day.day}>
                    <td className="py-1">{day.day}</td>
                    <td>{day.sales}</td>
                    <td>{day.revenue.map((r) => formatMoney(r.cents, r.currency)).join(" + ")}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </details>
      </section>

      <section aria-labelledby="tiers">
        <h2 id="tiers" className="text-lg font-semibold">
          Sales by tier, last 30 days
        </h2>
        {overview.byTier.length === 0 ? (
          <p className="mt-2 text-slate-600">No sales yet.</p>
        ) : (
          <table className="mt-2 w-full text-left text-sm">
            <thead className="text-slate-600">
              <tr>
                <th scope="col" className="py-1">
                  Product
                </th>
                <th scope="col">Tier</th>
                <th scope="col">Sales</th>
                <th scope="col">Revenue</th>
              </tr>
            </thead>
            <tbody>
              {overview.byTier.map((row) => (
                <tr key={`${row.product}-${row.tier}-${row.currency}`}>
                  <td className="py-1">{row.product}</td>
                  <td>{row.tier}</td>
                  <td>{row.sales}</td>
                  <td>{formatMoney(row.revenue, row.currency)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
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
                {formatMoney(purchase.amountCents, purchase.currency)} ·{" "}
                {purchase.status.toLowerCase()}
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
    <AdminPage title="Overview">
      <Overview />
    </AdminPage>
  );
}
