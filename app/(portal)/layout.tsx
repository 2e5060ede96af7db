import Link from "next/link";
import { SignOutButton } from "@/components/portal/sign-out-button";

export default function PortalLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <header className="border-b border-slate-200 bg-white">
        <a
          href="#main"
          className="sr-only focus:not-sr-only focus:absolute focus:top-4 focus:left-4 focus:rounded focus:bg-white focus:px-3 focus:py-2"
        >
          Skip to content
        </a>
        <div className="mx-auto flex h-16 max-w-5xl items-center justify-between gap-4 px-4 sm:px-6">
          <Link href="/" className="flex items-center gap-2 text-lg font-bold tracking-tight">
            <span
              aria-hidden
              className="bg-brand-600 grid size-7 place-items-center rounded-md text-sm text-white"
            >
              K
            </span>
            Keyfront
          </Link>
          <nav aria-label="Account" className="flex items-center gap-2 sm:gap-4">
            <Link
              href="/account"
              className="rounded-md px-2 py-2 text-sm font-medium text-slate-700 hover:text-slate-950"
            >
              Your account
            </Link>
            <SignOutButton />
          </nav>
        </div>
      </header>
      <main id="main" className="mx-auto w-full max-w-5xl min-w-0 flex-1 px-4 py-10 sm:px-6">
        {children}
      </main>
    </>
  );
}
