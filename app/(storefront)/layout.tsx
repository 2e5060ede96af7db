import { SiteFooter } from "@/components/storefront/site-footer";
import { SiteHeader } from "@/components/ui/site-header";

export default function StorefrontLayout({ children }: { children: React.ReactNode }) {
  return (
    <>
      <SiteHeader />
      <main id="main" className="flex-1">
        {children}
      </main>
      <SiteFooter />
    </>
  );
}
