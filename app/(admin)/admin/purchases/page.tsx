import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { AdminPage } from "@/components/admin/admin-page";
import { listPurchases } from "@/lib/admin/list-purchases";
import { purchaseFilterSchema } from "@/lib/admin/schemas";
import { requireAdmin } from "@/lib/auth/session";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { formatMoney } from "@/lib/format/money";
import { grantLicenseAction } from "../actions";
import { formatDateTime } from "@/lib/format/dates";
import { ScrollTable } from "@/components/ui/scroll-table";

export const metadata: Metadata = { title: "Purchases · Admin", robots: { index: false } };

const field = "mt-1 rounded-md border border-slate-300 px-2 py-1.5 text-sm";

async function Purchases({
  searchParams,
}: {
  searchParams: PageProps<"/admin/purchases">["searchParams"];
}) {
  await requireAdmin();
  const raw = await searchParams;
  const filter = purchaseFilterSchema.parse(
    Object.fromEntries(Object.entries(raw).map(([k, v]) => [k, Array.isArray(v) ? v[0] : v])),
  );
  const [purchases, catalog] = await Promise.all([listPurchases({ filter }), listCatalog()]);
  const csv = new URLSearchParams(
    Object.entries(filter).filter(([, v]) => v) as [string, string][],
  ).toString();
  return (
    <>
      <form className="flex flex-wrap items-end gap-3 text-sm" aria-label="Filter purchases">
        <label>
          From
          <br />
          <input type="date" name="from" defaultValue={filter.from} className={field} />
        </label>
        <label>
          To
          <br />
          <input type="date" name="to" defaultValue={filter.to} className={field} />
        </label>
        <label>
          Status
          <br />
          <select name="status" defaultValue={filter.status ?? ""} className={field}>
            <option value="">Any</option>
            {["PENDING", "PAID", "REFUNDED", "DISPUTED", "FAILED"].map((s) => (
              <option key={s} value={s}>
                {s.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Product
          <br />
          <select name="product" defaultValue={filter.product ?? ""} className={field}>
            <option value="">Any</option>
            {catalog.map((p) => (
              <option key={p.slug} value={p.slug}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Tier
          <br />
          <select name="tier" defaultValue={filter.tier ?? ""} className={field}>
            <option value="">Any</option>
            {["PERSONAL", "COMMERCIAL", "PREMIUM"].map((t) => (
              <option key={t} value={t}>
                {t.toLowerCase()}
              </option>
            ))}
          </select>
        </label>
        <label>
          Mode
          <br />
          <select name="test" defaultValue={filter.test ?? ""} className={field}>
            <option value="">Live and test</option>
            <option value="live">Live</option>
            <option value="test">Test</option>
          </select>
        </label>
        <button
          type="submit"
          className="bg-brand-600 hover:bg-brand-700 rounded-md px-3 py-2 font-semibold text-white"
        >
          Filter
        </button>
        <a
          href={`/api/admin/purchases.csv?${csv}`}
          className="rounded-md border border-slate-300 px-3 py-2 font-medium hover:border-slate-400"
        >
          Export CSV
        </a>
      </form>

      {purchases.length === 0 ? (
        <p className="text-slate-600">No purchase matches.</p>
      ) : (
        <ScrollTable tableClassName="min-w-[48rem]">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-2">
                Date
              </th>
              <th scope="col">Customer</th>
              <th scope="col">Item</th>
              <th scope="col">Amount</th>
              <th scope="col">Status</th>
              <th scope="col">Licenses</th>
              <th scope="col">Provider object</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100 align-top">
            {purchases.map((purchase) => (
              <tr key={purchase.id}>
                <td className="py-2 whitespace-nowrap">{formatDateTime(purchase.createdAt)}</td>
                <td>{purchase.customerEmail}</td>
                <td>
                  {purchase.product.name} · {purchase.tier.name}
                  {purchase.testMode ? " · test" : ""}
                </td>
                <td>{formatMoney(purchase.amountCents, purchase.currency)}</td>
                <td>
                  {purchase.status.toLowerCase()}{" "}
                  <span className="text-slate-500">({purchase.source.toLowerCase()})</span>
                </td>
                <td>
                  {purchase.licenses.map((l) => (
                    <Link
                      key={l.id}
                      href={`/admin/licenses/${l.id}`}
                      className="text-brand-700 block font-mono text-xs hover:underline"
                    >
                      {l.key}
                    </Link>
                  ))}
                </td>
                <td>
                  {purchase.providerObject ? (
                    <details>
                      <summary className="cursor-pointer">View</summary>
                      <pre className="max-h-60 max-w-md overflow-auto text-xs">
                        {JSON.stringify(purchase.providerObject, null, 2)}
                      </pre>
                    </details>
                  ) : (
                    "–"
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}

      <section aria-labelledby="grant" className="rounded-xl border border-slate-200 bg-white p-5">
        <h2 id="grant" className="font-semibold">
          Grant a license by hand
        </h2>
        <p className="mt-1 text-sm text-slate-600">
          Creates a manual purchase of 0 and its license, and emails the key.
        </p>
        <ActionForm
          action={grantLicenseAction}
          submitLabel="Grant license"
          variant="primary"
          className="mt-3 text-sm"
        >
          <label>
            Email
            <br />
            <input name="email" type="email" required className={field} />
          </label>
          <label>
            Name
            <br />
            <input name="name" className={field} />
          </label>
          <label>
            License
            <br />
            <select name="tierId" required className={field}>
              {catalog.flatMap((p) =>
                p.tiers.map((t) => (
                  <option key={t.id} value={t.id}>
                    {p.name} · {t.name}
                  </option>
                )),
              )}
            </select>
          </label>
        </ActionForm>
      </section>
    </>
  );
}

export default function AdminPurchasesPage(props: PageProps<"/admin/purchases">) {
  return (
    <AdminPage title="Purchases">
      <Purchases searchParams={props.searchParams} />
    </AdminPage>
  );
}
