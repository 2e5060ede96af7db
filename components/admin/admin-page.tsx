import Link from "next/link";
import { Suspense } from "react";
import { SignOutButton } from "@/components/portal/sign-out-button";
import { requireAdmin } from "@/lib/auth/session";

const NAV = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/licenses", label: "Licenses" },
  { href: "/admin/purchases", label: "Purchases" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/emails", label: "Emails" },
] as const;

// The role is checked before anything of the admin area renders, its navigation included: to
// anyone else /admin looks like a page that does not exist. Pages and actions check again.
async function AdminShell({ title, children }: { title: string; children: React.ReactNode }) {
  await requireAdmin();
  return (
    <>
      <header className="border-b border-slate-800 bg-slate-900 text-white">
        <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-2 px-4 py-3 sm:px-6">
          <Link href="/admin" className="font-bold tracking-tight">
            Keyfront admin
          </Link>
          <nav aria-label="Admin" className="flex flex-wrap items-center gap-1 text-sm">
            {NAV.map((item) => (
              <Link
                key={item.href}
                href={item.href}
                className="rounded px-2 py-1.5 text-slate-200 hover:bg-slate-800 hover:text-white"
              >
                {item.label}
              </Link>
            ))}
            <span className="[&_button]:text-slate-200">
              <SignOutButton />
            </span>
          </nav>
        </div>
      </header>
      <main
        id="main"
        className="mx-auto w-full max-w-6xl min-w-0 flex-1 space-y-8 px-4 py-8 sm:px-6"
      >
        <h1 className="text-2xl font-bold tracking-tight">{title}</h1>
        <Suspense
          fallback={
            <div
              role="status"
              aria-label="Loading"
              className="h-64 animate-pulse rounded-xl bg-slate-100"
            />
          }
        >
          {children}
        </Suspense>
      </main>
    </>
  );
}

export function AdminPage({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Suspense
      fallback={
        <div
          role="status"
          aria-label="Loading"
          className="m-8 h-64 animate-pulse rounded-xl bg-slate-100"
        />
      }
    >
      <AdminShell title={title}>{children}</AdminShell>
    </Suspense>
  );
}
