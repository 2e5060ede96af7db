import type { Metadata } from "next";
import Link from "next/link";
import { EmptyState } from "@/components/ui/empty-state";
import { notFound } from "next/navigation";
import { getCatalog } from "@/lib/catalog/cached-catalog";
import { TIER_SLUGS, tierSlugSchema } from "@/lib/catalog/tier-kinds";
import { formatDuration, formatSeats } from "@/lib/format/license-terms";
import { formatMoney } from "@/lib/format/money";

// Wait for the complete page so an unknown tier answers a real 404 (see products/[slug]).
export const ensureStatic = "navigation";

export function generateStaticParams() {
  return TIER_SLUGS.map((tier) => ({ tier }));
}

export async function generateMetadata({
  params,
}: PageProps<"/license/[tier]">): Promise<Metadata> {
  const tier = tierSlugSchema.safeParse((await params).tier);
  return tier.success
    ? { title: `${tier.data[0]!.toUpperCase()}${tier.data.slice(1)} license terms` }
    : {};
}

export default async function LicenseTermsPage({ params }: PageProps<"/license/[tier]">) {
  const parsed = tierSlugSchema.safeParse((await params).tier);
  if (!parsed.success) notFound();
  const kind = parsed.data;
  const catalog = await getCatalog();
  const entries = catalog.flatMap((product) =>
    product.tiers.filter((tier) => tier.kind === kind).map((tier) => ({ product, tier })),
  );

  return (
    <div className="mx-auto max-w-3xl px-4 py-12 sm:px-6 sm:py-16">
      <nav aria-label="License tiers" className="flex gap-2 text-sm">
        {TIER_SLUGS.map((slug) => (
          <Link
            key={slug}
            href={`/license/${slug}`}
            aria-current={slug === kind ? "page" : undefined}
            className={`rounded-full px-3 py-1 capitalize ${
              slug === kind
                ? "bg-brand-600 text-white"
                : "bg-slate-100 text-slate-700 hover:bg-slate-200"
            }`}
          >
            {slug}
          </Link>
        ))}
      </nav>
      <h1 className="mt-6 text-3xl font-bold tracking-tight capitalize">{kind} license terms</h1>
      <p className="mt-3 text-slate-600">
        What each product&apos;s {kind} license lets you do. Your license key and certificate refer
        to these terms; they never change for a license you have already bought.
      </p>

      {entries.length === 0 ? (
        <div className="mt-10">
          <EmptyState>No product is sold with a {kind} license right now.</EmptyState>
        </div>
      ) : (
        <div className="mt-10 space-y-10">
          {entries.map(({ product, tier }) => (
            <section
              key={tier.id}
              aria-labelledby={`terms-${tier.id}`}
              className="rounded-xl border border-slate-200 p-6"
            >
              <h2 id={`terms-${tier.id}`} className="text-xl font-semibold">
                {product.name}: {tier.licenseName}
              </h2>
              <dl className="mt-3 flex flex-wrap gap-x-6 gap-y-1 text-sm text-slate-600">
                <div className="flex gap-1">
                  <dt>Price</dt>
                  <dd className="font-medium text-slate-900">
                    {formatMoney(tier.priceCents, tier.currency)}
                  </dd>
                </div>
                <div className="flex gap-1">
                  <dt>Seats</dt>
                  <dd className="font-medium text-slate-900">{formatSeats(tier.seatLimit)}</dd>
                </div>
                <div className="flex gap-1">
                  <dt>Duration</dt>
                  <dd className="font-medium text-slate-900">
                    {formatDuration(tier.durationDays)}
                  </dd>
                </div>
              </dl>
              <p className="mt-4 leading-relaxed text-slate-800">{tier.licenseTerms}</p>
              <Link
                href={`/pricing#${product.slug}`}
                className="text-brand-700 mt-4 inline-block text-sm font-medium hover:underline"
              >
                Buy {product.name} {tier.name}
              </Link>
            </section>
          ))}
        </div>
      )}
    </div>
  );
}
