import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { ProductPricing } from "@/components/storefront/product-pricing";
import { getCatalog, getProduct } from "@/lib/catalog/cached-catalog";
import { formatBytes } from "@/lib/format/license-terms";
import { startCheckout } from "../../pricing/actions";

// Products added after the build render on first request; waiting for the complete static page
// (instead of streaming a shell first) lets an unknown slug answer a real 404.
export const ensureStatic = "navigation";

export async function generateStaticParams() {
  const catalog = await getCatalog();
  // Next requires at least one param to validate the route's static shell.
  return catalog.length > 0
    ? catalog.map((product) => ({ slug: product.slug }))
    : [{ slug: "none" }];
}

export async function generateMetadata({
  params,
}: PageProps<"/products/[slug]">): Promise<Metadata> {
  const product = await getProduct((await params).slug);
  return product ? { title: product.name, description: product.tagline } : {};
}

export default async function ProductPage({ params }: PageProps<"/products/[slug]">) {
  const product = await getProduct((await params).slug);
  if (!product) notFound();

  return (
    <div className="mx-auto max-w-6xl px-4 py-12 sm:px-6 sm:py-16">
      <ProductPricing product={product} headingLevel="h1" checkout={startCheckout} />

      <div className="mt-16 grid gap-12 lg:grid-cols-3">
        <section aria-labelledby="about" className="lg:col-span-2">
          <h2 id="about" className="text-xl font-semibold">
            About {product.name}
          </h2>
          <p className="mt-3 leading-relaxed text-slate-700">{product.description}</p>
        </section>
        <section aria-labelledby="files">
          <h2 id="files" className="text-xl font-semibold">
            What you download
          </h2>
          <ul className="mt-3 divide-y divide-slate-100 rounded-lg border border-slate-200">
            {product.assets.map((asset) => (
              <li key={asset.id} className="flex items-start justify-between gap-4 p-3 text-sm">
                <div>
                  <p className="font-medium">{asset.name}</p>
                  <p className="text-slate-500">
                    {asset.fileName} · {formatBytes(asset.sizeBytes)}
                  </p>
                </div>
                <span className="shrink-0 rounded-full bg-slate-100 px-2 py-0.5 text-xs text-slate-700 capitalize">
                  {asset.tierKind ? `${asset.tierKind} only` : "All licenses"}
                </span>
              </li>
            ))}
          </ul>
        </section>
      </div>
    </div>
  );
}
