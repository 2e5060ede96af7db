import Link from "next/link";
import { SignOutButton } from "@/components/ui/sign-out-button";

const NAV = [
  { href: "/admin", label: "Overview" },
  { href: "/admin/licenses", label: "Licenses" },
  { href: "/admin/purchases", label: "Purchases" },
  { href: "/admin/webhooks", label: "Webhooks" },
  { href: "/admin/emails", label: "Emails" },
] as const;

export function AdminHeader() {
  return (
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
  );
}
