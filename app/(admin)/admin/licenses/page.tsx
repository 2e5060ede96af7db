import type { Metadata } from "next";
import Link from "next/link";
import { findLicenses } from "@/lib/admin/find-licenses";
import { requireAdmin } from "@/lib/auth/session";
import { formatDay } from "@/lib/format/dates";
import { Button } from "@/components/ui/button";
import { DataTable } from "@/components/ui/data-table";
import { EmptyState } from "@/components/ui/empty-state";
import { StatusBadge } from "@/components/ui/status-badge";

export const metadata: Metadata = { title: "Licenses · Admin", robots: { index: false } };

async function Results({
  searchParams,
}: {
  searchParams: PageProps<"/admin/licenses">["searchParams"];
}) {
  await requireAdmin();
  const q = (await searchParams).q;
  const query = typeof q === "string" ? q.slice(0, 200) : "";
  const licenses = await findLicenses({ query });
  return (
    <>
      <form role="search" className="flex flex-wrap items-end gap-2">
        <div className="min-w-64 flex-1">
          <label htmlFor="q" className="block text-sm font-medium">
            Key, email, purchase or Stripe id
          </label>
          <input
            id="q"
            name="q"
            defaultValue={query}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2"
          />
        </div>
        <Button type="submit">Search</Button>
      </form>
      {licenses.length === 0 ? (
        <EmptyState>No license matches.</EmptyState>
      ) : (
        <DataTable
          caption="Matching licenses"
          minWidth="40rem"
          rows={licenses}
          rowKey={(license) => license.id}
          columns={[
            {
              header: "Key",
              className: "font-mono",
              cell: (license) => (
                <Link
                  href={`/admin/licenses/${license.id}`}
                  className="text-brand-700 hover:underline"
                >
                  {license.key}
                </Link>
              ),
            },
            { header: "Customer", cell: (license) => license.customerEmail },
            {
              header: "Product",
              cell: (license) => `${license.product.name} · ${license.tier.name}`,
            },
            {
              header: "Status",
              cell: (license) => <StatusBadge status={license.status} size="xs" />,
            },
            { header: "Issued", cell: (license) => formatDay(license.issuedAt) },
          ]}
        />
      )}
    </>
  );
}

export default function AdminLicensesPage(props: PageProps<"/admin/licenses">) {
  return (
    <>
      <h1 className="text-2xl font-bold tracking-tight">Licenses</h1>
      <Results searchParams={props.searchParams} />
    </>
  );
}
