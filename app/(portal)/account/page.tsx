import type { Metadata } from "next";
import Link from "next/link";
import { Suspense } from "react";
import { AccountSkeleton } from "@/components/portal/account-skeleton";
import { LicenseCard } from "@/components/portal/license-card";
import { PurchaseList } from "@/components/portal/purchase-list";
import { EmptyState } from "@/components/ui/empty-state";
import { requireCustomer } from "@/lib/auth/session";
import { listCustomerLicenses } from "@/lib/portal/list-customer-licenses";
import { listCustomerPurchases } from "@/lib/portal/list-customer-purchases";
import { RESENDS_PER_HOUR } from "@/lib/portal/resend-license-email";
import {
  deactivateDeviceAction,
  getDownloadLinkAction,
  resendLicenseEmailAction,
  revokeDownloadLinkAction,
} from "./actions";

export const metadata: Metadata = { title: "Your account", robots: { index: false } };

const actions = {
  resendEmail: resendLicenseEmailAction,
  getDownloadLink: getDownloadLinkAction,
  revokeDownloadLink: revokeDownloadLinkAction,
  deactivateDevice: deactivateDeviceAction,
};

async function Account() {
  const viewer = await requireCustomer();
  const [licenses, purchases] = await Promise.all([
    listCustomerLicenses({ email: viewer.email }),
    listCustomerPurchases({ email: viewer.email }),
  ]);
  return (
    <div className="space-y-12">
      <header>
        <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
        <p className="mt-1 text-slate-600">Signed in as {viewer.email}.</p>
      </header>

      <section aria-labelledby="licenses" className="space-y-4">
        <h2 id="licenses" className="text-xl font-semibold">
          Licenses
        </h2>
        {licenses.length === 0 ? (
          <EmptyState>
            No licenses yet for {viewer.email}.{" "}
            <Link href="/pricing" className="text-brand-700 font-medium underline">
              See what is for sale
            </Link>
            .
          </EmptyState>
        ) : (
          licenses.map((license) => (
            <LicenseCard
              key={license.id}
              license={license}
              actions={actions}
              resendsPerHour={RESENDS_PER_HOUR}
            />
          ))
        )}
      </section>

      <section aria-labelledby="purchases" className="space-y-4">
        <h2 id="purchases" className="text-xl font-semibold">
          Purchases
        </h2>
        {purchases.length === 0 ? (
          <EmptyState>
            No purchases yet.{" "}
            <Link href="/pricing" className="text-brand-700 font-medium underline">
              Browse the store
            </Link>
            .
          </EmptyState>
        ) : (
          <PurchaseList purchases={purchases} />
        )}
      </section>
    </div>
  );
}

export default function AccountPage() {
  return (
    <Suspense fallback={<AccountSkeleton />}>
      <Account />
    </Suspense>
  );
}
