import type { Metadata } from "next";
import { ProductPricing } from "@/components/storefront/product-pricing";
import { EmptyState } from "@/components/ui/empty-state";
import { getCatalog } from "@/lib/catalog/cached-catalog";
import { startCheckout } from "./actions";

export const metadata: Metadata = {
  title: "Pricing",
  description: "Personal, commercial and premium licenses for every product, side by side.",
};

export default async function PricingPage() {
  const catalog = await getCatalog();
  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <header className="max-w-2xl">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">Pricing</h1>
        <p className="mt-3 text-lg text-slate-600">
          One payment, no subscription. Pick the license that matches how you will use the product;
          your key arrives by email the moment you pay.
        </p>
      </header>
      {catalog.length === 0 ? (
        <div className="mt-12">
          <EmptyState>Nothing is for sale yet. Check back soon.</EmptyState>
        </div>
      ) : (
        <div className="mt-12 space-y-16">
          {catalog.map((product) => (
            <ProductPricing key={product.id} product={product} checkout={startCheckout} />
          ))}
        </div>
      )}
    </div>
  );
}
