import Link from "next/link";
import { buttonClassName } from "@/components/ui/button";
import { EmptyState } from "@/components/ui/empty-state";
import { ProductCard } from "@/components/storefront/product-card";
import { getCatalog } from "@/lib/catalog/cached-catalog";

const PROMISES = [
  {
    title: "Instant delivery",
    body: "Your license key and download links arrive the moment your payment clears.",
  },
  {
    title: "Licenses in plain words",
    body: "Personal, commercial and premium terms, each on one page you can read in a minute.",
  },
  {
    title: "Your devices, your call",
    body: "Move seats between machines yourself from your account, any time.",
  },
] as const;

export default async function HomePage() {
  const catalog = await getCatalog();
  return (
    <>
      <section className="from-brand-50 border-b border-slate-200 bg-gradient-to-b to-white">
        <div className="mx-auto max-w-6xl px-4 py-16 sm:px-6 sm:py-24">
          <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-slate-950 sm:text-5xl">
            Tools and assets for people who make things.
          </h1>
          <p className="mt-5 max-w-2xl text-lg text-slate-600">
            Desktop software, stock footage and design assets, each with a license that says exactly
            what you may do, delivered the moment you pay.
          </p>
          <div className="mt-8 flex flex-wrap gap-3">
            <Link href="/pricing" className={buttonClassName({ size: "lg" })}>
              Compare licenses
            </Link>
            <Link
              href="/license/personal"
              className={buttonClassName({ variant: "secondary", size: "lg" })}
            >
              Read the terms
            </Link>
          </div>
        </div>
      </section>

      <section aria-labelledby="products" className="mx-auto max-w-6xl px-4 py-16 sm:px-6">
        <h2 id="products" className="text-2xl font-bold tracking-tight">
          Products
        </h2>
        {catalog.length === 0 ? (
          <div className="mt-6">
            <EmptyState>Nothing is for sale yet. Check back soon.</EmptyState>
          </div>
        ) : (
          <div className="mt-6 grid gap-6 sm:grid-cols-2 lg:grid-cols-3">
            {catalog.map((product) => (
              <ProductCard key={product.id} product={product} />
            ))}
          </div>
        )}
      </section>

      <section aria-label="Why buy here" className="border-t border-slate-200 bg-slate-50">
        <ul className="mx-auto grid max-w-6xl gap-8 px-4 py-12 sm:grid-cols-3 sm:px-6">
          {PROMISES.map((promise) => (
            <li key={promise.title}>
              <h3 className="font-semibold">{promise.title}</h3>
              <p className="mt-1 text-sm text-slate-600">{promise.body}</p>
            </li>
          ))}
        </ul>
      </section>
    </>
  );
}
