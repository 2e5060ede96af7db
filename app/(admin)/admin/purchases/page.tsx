import type { Metadata } from "next";
import Link from "next/link";
import { ActionForm } from "@/components/ui/action-form";
import { listPurchases } from "@/lib/admin/list-purchases";
import { PURCHASE_STATUSES, TIER_KINDS, purchaseFilterSchema } from "@/lib/admin/schemas";
import { requireAdmin } from "@/lib/auth/session";
import { listCatalog } from "@/lib/catalog/list-catalog";
import { formatMoney } from "@/lib/format/money";
import { grantLicenseAction } from "../actions";
import { formatDateTime } from "@/lib/format/dates";
import { Button, buttonClassName } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";
import { statusLabel } from "@/lib/format/status";

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
            {PURCHASE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {statusLabel(s)}
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
            {TIER_KINDS.map((t) => (
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
        <Button type="submit">Filter</Button>
        <a
          href={`/api/admin/purchases.csv?${csv}`}
          className={buttonClassName({ variant: "secondary" })}
        >
          Export CSV
        </a>
      </form>

      {purchases.length === 0 ? (
        <EmptyState>No purchase matches.</EmptyState>
      ) : (
        <DataTable
          caption="Matching purchases, newest first"
          minWidth="48rem"
          rows={purchases}
          rowKey={(purchase) => purchase.id}
          columns={[
            {
              header: "Date",
              cell: (purchase) => formatDateTime(purchase.createdAt),
              className: "whitespace-nowrap",
            },
            { header: "Customer", cell: (purchase) => purchase.customerEmail },
            {
              header: "Item",
              cell: (purchase) =>
                `${purchase.product.name} · ${purchase.tier.name}${purchase.testMode ? " · test" : ""}`,
            },
            {
              header: "Amount",
              cell: (purchase) => formatMoney(purchase.amountCents, purchase.currency),
            },
            {
              header: "Status",
              cell: (purchase) => (
                <>
                  <StatusBadge status={purchase.status} size="xs" />{" "}
                  <span className="text-slate-500">({purchase.source.toLowerCase()})</span>
                </>
              ),
            },
            {
              header: "Licenses",
              cell: (purchase) =>
                purchase.licenses.map((l) => (
                  <Link
                    key={l.id}
                    href={`/admin/licenses/${l.id}`}
                    className="text-brand-700 block font-mono text-xs hover:underline"
                  >
                    {l.key}
                  </Link>
                )),
            },
            {
              header: "Provider object",
              cell: (purchase) =>
                purchase.providerObject ? (
                  <details>
                    <summary className="cursor-pointer">View</summary>
                    <pre className="max-h-60 max-w-md overflow-auto text-xs">
                      {JSON.stringify(purchase.providerObject, null, 2)}
                    </pre>
                  </details>
                ) : (
                  "–"
                ),
            },
          ]}
        />
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
    <>
      <h1 className="text-2xl font-bold tracking-tight">Purchases</h1>
      <Purchases searchParams={props.searchParams} />
    </>
  );
}
