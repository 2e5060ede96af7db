import Link from "next/link";
import type { FormAction } from "@/app/_actions/action-state";
import type { CatalogTier } from "@/lib/catalog/list-catalog";
import { formatDuration, formatSeats } from "@/lib/format/license-terms";
import { formatMoney } from "@/lib/format/money";
import { BuyButton } from "./buy-button";

type Props = {
  productName: string;
  tier: CatalogTier;
  highlighted?: boolean;
  checkout: FormAction;
};

export function TierCard({ productName, tier, highlighted = false, checkout }: Props) {
  const headingId = `tier-${tier.id}`;
  return (
    <article
      aria-labelledby={headingId}
      data-testid={`tier-${tier.id}`}
      className={`flex flex-col rounded-xl border bg-white p-6 shadow-sm ${
        highlighted ? "border-brand-600 ring-brand-600 ring-1" : "border-slate-200"
      }`}
    >
      <div className="flex items-center justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          {tier.name}
        </h3>
        {highlighted ? (
          <span className="bg-brand-50 text-brand-700 rounded-full px-2.5 py-0.5 text-xs font-semibold">
            Popular
          </span>
        ) : null}
      </div>
      <p className="mt-1 text-sm text-slate-600">{tier.summary}</p>
      <p className="mt-4 flex items-baseline gap-1">
        <span className="text-3xl font-bold tracking-tight" data-testid="tier-price">
          {formatMoney(tier.priceCents, tier.currency)}
        </span>
        <span className="text-sm text-slate-500">one-time</span>
      </p>

      <dl className="mt-5 grid grid-cols-2 gap-x-4 gap-y-3 border-y border-slate-100 py-4 text-sm">
        <div className="col-span-2">
          <dt className="text-slate-500">License</dt>
          <dd>
            <Link
              href={`/license/${tier.kind}`}
              className="text-brand-700 font-medium underline-offset-2 hover:underline"
            >
              {tier.licenseName}
            </Link>
          </dd>
        </div>
        <div>
          <dt className="text-slate-500">Seats</dt>
          <dd className="font-medium">{formatSeats(tier.seatLimit)}</dd>
        </div>
        <div>
          <dt className="text-slate-500">Duration</dt>
          <dd className="font-medium">{formatDuration(tier.durationDays)}</dd>
        </div>
        <div className="col-span-2">
          <dt className="text-slate-500">Formats</dt>
          <dd className="font-medium">{tier.formats.join(", ")}</dd>
        </div>
      </dl>

      <ul className="mt-4 flex-1 space-y-2 text-sm" aria-label={`${tier.name} features`}>
        {tier.features.map((feature) => (
          <li key={feature} className="flex gap-2">
            <svg aria-hidden viewBox="0 0 20 20" className="fill-brand-600 mt-0.5 size-4 flex-none">
              <path d="M16.7 5.3a1 1 0 0 1 0 1.4l-8 8a1 1 0 0 1-1.4 0l-4-4a1 1 0 1 1 1.4-1.4L8 12.6l7.3-7.3a1 1 0 0 1 1.4 0Z" />
            </svg>
            {feature}
          </li>
        ))}
      </ul>

      <BuyButton tierId={tier.id} label={`Buy ${productName} ${tier.name}`} checkout={checkout} />
    </article>
  );
}
