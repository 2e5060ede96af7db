import Link from "next/link";
import type { FormAction } from "@/app/_actions/action-state";
import type { CatalogProduct } from "@/lib/catalog/list-catalog";
import { TierCard } from "./tier-card";

type Props = {
  product: CatalogProduct;
  headingLevel?: "h2" | "h1";
  checkout: FormAction;
};

export function ProductPricing({ product, headingLevel = "h2", checkout }: Props) {
  const Heading = headingLevel;
  return (
    <section id={product.slug} aria-labelledby={`pricing-${product.slug}`} className="scroll-mt-8">
      <div className="flex flex-col gap-1 sm:flex-row sm:items-end sm:justify-between">
        <div>
          <Heading id={`pricing-${product.slug}`} className="text-2xl font-bold tracking-tight">
            {product.name}
          </Heading>
          <p className="mt-1 text-slate-600">{product.tagline}</p>
        </div>
        {headingLevel === "h2" ? (
          <Link
            href={`/products/${product.slug}`}
            className="text-brand-700 text-sm font-medium hover:underline"
          >
            Product details<span className="sr-only"> for {product.name}</span>
          </Link>
        ) : null}
      </div>
      <div className="mt-6 grid gap-6 md:grid-cols-3">
        {product.tiers.map((tier) => (
          <TierCard
            key={tier.id}
            productName={product.name}
            tier={tier}
            highlighted={tier.kind === "commercial"}
            checkout={checkout}
          />
        ))}
      </div>
    </section>
  );
}
