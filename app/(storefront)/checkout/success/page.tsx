import type { Metadata } from "next";
import { headers } from "next/headers";
import { connection } from "next/server";
import { Suspense } from "react";
import { CheckoutResult } from "@/components/storefront/checkout-result";
import { lookUpCheckoutReturn } from "@/lib/fulfillment/look-up-checkout-return";
import { clientIp } from "@/lib/http/client-ip";

export const metadata: Metadata = { title: "Your license", robots: { index: false } };

async function Outcome({
  searchParams,
}: {
  searchParams: PageProps<"/checkout/success">["searchParams"];
}) {
  // Fulfilment writes to the database: it happens per request, never while prerendering.
  await connection();
  const sessionId = (await searchParams).session_id;
  const outcome = await lookUpCheckoutReturn({
    sessionId: typeof sessionId === "string" ? sessionId : "",
    ip: clientIp(await headers()),
  });
  return <CheckoutResult outcome={outcome} />;
}

function Confirming() {
  return (
    <div role="status" aria-live="polite">
      <h1 className="text-3xl font-bold tracking-tight">Confirming your payment…</h1>
      <p className="mt-3 text-slate-600">This takes a second or two.</p>
      <div className="mt-8 h-28 animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}

export default function CheckoutSuccessPage(props: PageProps<"/checkout/success">) {
  return (
    <div className="mx-auto max-w-2xl px-4 py-12 sm:px-6 sm:py-16">
      <Suspense fallback={<Confirming />}>
        <Outcome searchParams={props.searchParams} />
      </Suspense>
    </div>
  );
}
