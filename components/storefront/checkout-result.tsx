import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { LicenseKeyField } from "@/components/ui/license-key-field";
import { StatusBadge } from "@/components/ui/status-badge";
import type { CheckoutOutcome } from "@/lib/fulfillment/fulfill-checkout-on-return";
import { formatDay } from "@/lib/format/dates";

const MESSAGES = {
  not_found: {
    title: "We could not find this checkout",
    body: "The link may be incomplete. If you paid, your license email is on its way; otherwise you can start again from the pricing page.",
  },
  unpaid: {
    title: "This checkout was not paid",
    body: "Nothing was charged. You can pick a license again on the pricing page.",
  },
  processing: {
    title: "Your payment is processing",
    body: "Your bank has not confirmed the payment yet. This can take a few days for bank transfers; we will email your license key as soon as it clears.",
  },
  unavailable: {
    title: "We could not confirm your payment just now",
    body: "Our payment provider did not answer. Reload this page in a minute; if you paid, your license email will arrive either way.",
  },
  rate_limited: {
    title: "Too many lookups from your network",
    body: "Please wait a minute and reload this page. If you paid, your license email is on its way either way.",
  },
  sign_in: {
    title: "Sign in to see your license",
    body: "This page shows your license key for 24 hours after payment. Sign in with the email you paid with to see your licenses and files at any time; your license email has your key too.",
  },
  needs_attention: {
    title: "Your payment needs a closer look",
    body: "We received your payment but could not issue the license automatically. We have been notified and will email you your key; you do not need to pay again.",
  },
} as const;

const REVERSED = {
  refunded: "This purchase was refunded, so its license is no longer valid.",
  disputed: "This payment is disputed, so its license is suspended until the dispute is resolved.",
  failed: "This payment failed, so no license was issued.",
} as const;

export function CheckoutResult({ outcome }: { outcome: CheckoutOutcome }) {
  if (!("licenses" in outcome)) {
    const message = MESSAGES[outcome.state];
    return (
      <div role="status">
        <h1 className="text-3xl font-bold tracking-tight">{message.title}</h1>
        <p className="mt-3 text-slate-600">{message.body}</p>
        {outcome.state === "sign_in" ? (
          <Link
            href="/signin?callbackUrl=%2Faccount"
            className={buttonClassName({ className: "mt-8" })}
          >
            Sign in
          </Link>
        ) : (
          <Link href="/pricing" className={buttonClassName({ className: "mt-8" })}>
            Back to pricing
          </Link>
        )}
      </div>
    );
  }

  const plural = outcome.licenses.length > 1;
  return (
    <div>
      {outcome.state === "paid" ? (
        <>
          <p className="text-sm font-semibold text-emerald-700">Payment received</p>
          <h1 className="mt-1 text-3xl font-bold tracking-tight">
            Your {outcome.productName} license
          </h1>
          <p className="mt-3 text-slate-600">
            {outcome.tierName} ·{" "}
            <Link
              href={`/license/${outcome.tierSlug}`}
              className="text-brand-700 underline-offset-2 hover:underline"
            >
              {outcome.licenseName}
            </Link>
            . We have also emailed {plural ? "the keys" : "the key"} and a receipt to{" "}
            <strong>{outcome.customerEmail}</strong>.
          </p>
        </>
      ) : (
        <>
          <h1 className="text-3xl font-bold tracking-tight">{outcome.productName} license</h1>
          <p className="mt-3 rounded-md bg-amber-50 p-3 text-amber-900" role="status">
            {REVERSED[outcome.state]}
          </p>
        </>
      )}

      <ul className="mt-8 space-y-4" aria-label={plural ? "License keys" : "License key"}>
        {outcome.licenses.map((license) => (
          <li key={license.key} className="rounded-xl border border-slate-200 p-4">
            <p className="text-sm text-slate-500">
              License key · <StatusBadge status={license.status} size="xs" /> ·{" "}
              {license.seatLimit === 1 ? "1 seat" : `${license.seatLimit} seats`}
              {license.expiresAt
                ? ` · valid until ${formatDay(license.expiresAt)}`
                : " · never expires"}
            </p>
            <LicenseKeyField licenseKey={license.key} data-testid="license-key" className="mt-2" />
            <a
              download={`${license.key}.license`}
              href={`data:text/plain;charset=utf-8,${encodeURIComponent(license.certificate)}`}
              className="text-brand-700 mt-3 inline-block text-sm font-medium hover:underline"
            >
              Download signed certificate<span className="sr-only"> for {license.key}</span>
            </a>
          </li>
        ))}
      </ul>

      {outcome.state === "paid" ? (
        <section aria-labelledby="next" className="mt-10">
          <h2 id="next" className="text-lg font-semibold">
            What next
          </h2>
          <ol className="mt-3 list-decimal space-y-2 pl-5 text-slate-700">
            <li>
              Paste the key into the app when it asks, or keep the certificate file for offline use.
            </li>
            <li>
              Sign in to your account with {outcome.customerEmail} to download your files and manage
              devices.
            </li>
            <li>Keep the email we sent: it holds your key and receipt.</li>
          </ol>
        </section>
      ) : null}
    </div>
  );
}
