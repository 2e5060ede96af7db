import Link from "next/link";
import type { CatalogProduct } from "@/lib/catalog/list-catalog";
import { formatMoney } from "@/lib/format/money";

const KIND_LABEL: Record<CatalogProduct["kind"], string> = {
  SOFTWARE: "Desktop software",
  STOCK_VIDEO: "Stock footage",
  DESIGN_ASSETS: "Design assets",
};

export function ProductCard({ product }: { product: CatalogProduct }) {
  const cheapest = product.tiers.reduce<CatalogProduct["tiers"][number] | undefined>(
    (low, tier) => (!low || tier.priceCents < low.priceCents ? tier : low),
    undefined,
  );
  return (
    <article className="group hover:border-brand-600 relative flex flex-col rounded-xl border border-slate-200 bg-white p-6 shadow-sm transition">
      <p className="text-brand-700 text-xs font-semibold tracking-wide uppercase">
        {KIND_LABEL[product.kind]}
      </p>
      <h3 className="mt-2 text-xl font-semibold">
        <Link href={`/products/${product.slug}`} className="after:absolute after:inset-0">
          {product.name}
        </Link>
      </h3>
      <p className="mt-2 flex-1 text-sm text-slate-600">{product.tagline}</p>
      {cheapest ? (
        <p className="mt-4 text-sm text-slate-700">
          From{" "}
          <span className="font-semibold">
            {formatMoney(cheapest.priceCents, cheapest.currency)}
          </span>
        </p>
      ) : null}
    </article>
  );
}
