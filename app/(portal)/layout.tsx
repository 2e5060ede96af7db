import Link from "next/link";
import { SignOutButton } from "@/components/ui/sign-out-button";
import { SiteHeader } from "@/components/ui/site-header";

export default function PortalLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader
        nav={
          <nav aria-label="Account" className="flex items-center gap-2 sm:gap-4">
            <Link
              href="/account"
              className="rounded-md px-2 py-2 text-sm font-medium text-slate-700 hover:text-slate-950"
            >
              Your account
            </Link>
            <SignOutButton />
          </nav>
        }
      />
      <main id="main" className="mx-auto w-full max-w-5xl min-w-0 flex-1 px-4 py-10 sm:px-6">
        {children}
      </main>
    </>
  );
}
