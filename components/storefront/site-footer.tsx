import Link from "next/link";
import { TIER_SLUGS } from "@/lib/catalog/tier-kinds";

export function SiteFooter() {
  return (
    <footer className="mt-auto border-t border-slate-200 bg-slate-50">
      <div className="mx-auto flex max-w-6xl flex-col gap-4 px-4 py-8 text-sm text-slate-600 sm:flex-row sm:items-center sm:justify-between sm:px-6">
        <p>Payments by Stripe. Licenses delivered instantly by email.</p>
        <nav aria-label="License terms">
          <ul className="flex flex-wrap gap-4">
            {TIER_SLUGS.map((slug) => (
              <li key={slug}>
                <Link href={`/license/${slug}`} className="capitalize hover:text-slate-900">
                  {slug} license
                </Link>
              </li>
            ))}
          </ul>
        </nav>
      </div>
    </footer>
  );
}
