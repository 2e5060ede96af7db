import securityHeaders from "./lib/http/security-headers.json" with { type: "json" };

// How long the storefront may show a catalog edited outside the app: five minutes unless
// CATALOG_REFRESH_SECONDS (read at build) says otherwise; the e2e tests wait for a 2-second one.
const catalogRefreshSeconds = Number(process.env.CATALOG_REFRESH_SECONDS ?? 300);

/** @type {import('next').NextConfig} */
const nextConfig = {
  cacheComponents: true,
  partialPrefetching: true,
  cacheLife: {
    // Storefront catalog reads: served from cache, refreshed on catalog changes (revalidateTag)
    // and at most every catalogRefreshSeconds for edits made outside the app.
    // `stale` stays at five minutes: Next leaves caches that go stale sooner out of the static shell.
    catalog: { stale: 300, revalidate: catalogRefreshSeconds, expire: 86_400 },
  },
  experimental: {
    // The proxy (proxy.ts) sees sign-in posts and server actions only; both are small. Next buffers
    // up to this much of a body for the proxy, so an oversized post costs at most this in memory
    // before the route refuses it (auth forms: 413 past 16 KB).
    proxyClientMaxBodySize: "1mb",
  },
  serverExternalPackages: ["pg", "@prisma/adapter-pg"],
  poweredByHeader: false,
  typedRoutes: true,
  async headers() {
    return [
      {
        source: "/:path*",
        headers: Object.entries(securityHeaders).map(([key, value]) => ({ key, value })),
      },
    ];
  },
};

export default nextConfig;
