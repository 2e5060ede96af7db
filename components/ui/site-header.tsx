import Link from "next/link";

const NAV = [
  { href: "/pricing", label: "Pricing" },
  { href: "/license/personal", label: "Licenses" },
] as const;

/** The site's header; `nav` replaces the storefront links (the account area has its own). */
export function SiteHeader({ nav }: { nav?: React.ReactNode }) {
  return (
    <header className="border-b border-slate-200 bg-white">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:top-4 focus:left-4 focus:z-10 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        Skip to content
      </a>
      <div className="mx-auto flex h-16 max-w-6xl items-center justify-between gap-4 px-4 sm:px-6">
        <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
          <span
            aria-hidden
            className="bg-brand-600 grid size-7 place-items-center rounded-md text-sm text-white"
          >
            K
          </span>
          Keyfront
        </Link>
        {nav ?? (
          <nav aria-label="Main">
            <ul className="flex items-center gap-1 sm:gap-4">
              {NAV.map((item) => (
                <li key={item.href}>
                  <Link
                    href={item.href}
                    className="rounded-md px-2 py-2 text-sm font-medium text-slate-700 hover:text-slate-950"
                  >
                    {item.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        )}
      </div>
    </header>
  );
}
