import type { Metadata } from "next";
import Link from "next/link";
import { AdminPage } from "@/components/admin/admin-page";
import { findLicenses } from "@/lib/admin/find-licenses";
import { requireAdmin } from "@/lib/auth/session";
import { formatDay } from "@/lib/format/dates";
import { ScrollTable } from "@/components/ui/scroll-table";

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
        <button
          type="submit"
          className="bg-brand-600 hover:bg-brand-700 rounded-md px-4 py-2 text-sm font-semibold text-white"
        >
          Search
        </button>
      </form>
      {licenses.length === 0 ? (
        <p className="text-slate-600">No license matches.</p>
      ) : (
        <ScrollTable tableClassName="min-w-[40rem]">
          <thead className="text-slate-600">
            <tr>
              <th scope="col" className="py-2">
                Key
              </th>
              <th scope="col">Customer</th>
              <th scope="col">Product</th>
              <th scope="col">Status</th>
              <th scope="col">Issued</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {licenses.map((license) => (
              <tr key={license.id}>
                <td className="py-2 font-mono">
                  <Link
                    href={`/admin/licenses/${license.id}`}
                    className="text-brand-700 hover:underline"
                  >
                    {license.key}
                  </Link>
                </td>
                <td>{license.customerEmail}</td>
                <td>
                  {license.product.name} · {license.tier.name}
                </td>
                <td>{license.status.toLowerCase()}</td>
                <td>{formatDay(license.issuedAt)}</td>
              </tr>
            ))}
          </tbody>
        </ScrollTable>
      )}
    </>
  );
}

export default function AdminLicensesPage(props: PageProps<"/admin/licenses">) {
  return (
    <AdminPage title="Licenses">
      <Results searchParams={props.searchParams} />
    </AdminPage>
  );
}
