import { Suspense } from "react";
import { AdminHeader } from "@/components/admin/admin-header";
import { AdminLoading } from "@/components/admin/admin-loading";
import { requireAdmin } from "@/lib/auth/session";

// The role is checked here, before anything of the admin area renders, its navigation included:
// to anyone else /admin looks like a page that does not exist. Pages, actions and routes check
// again: a layout is not re-rendered on client navigation, and actions are public POST endpoints.
async function AdminArea({ children }: { children: React.ReactNode }) {
  await requireAdmin();
  return (
    <>
      <AdminHeader />
      <main
        id="main"
        className="mx-auto w-full max-w-6xl min-w-0 flex-1 space-y-8 px-4 py-8 sm:px-6"
      >
        {children}
      </main>
    </>
  );
}

export default function AdminLayout({ children }: LayoutProps<"/admin">) {
  return (
    <Suspense fallback={<AdminLoading className="m-8" />}>
      <AdminArea>{children}</AdminArea>
    </Suspense>
  );
}
