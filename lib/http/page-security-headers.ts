/**
 * The Content-Security-Policy of every page (proxy.ts sets it per request; next.config.mjs adds
 * the headers that are the same for every response, from security-headers.json).
 *
 * Pages rendered per request (account, admin, sign-in, checkout) get a fresh nonce. With Cache
 * Components such a page is a static shell prerendered at build plus the parts rendered for the
 * request; Next puts the request's nonce on every inline script of those parts, and the shell holds
 * only the app's own script files ('self') and one fixed inline script of React's (its hash below).
 * No 'strict-dynamic': it would refuse the shell's script tags, which cannot carry a nonce.
 *
 * Pages prerendered whole at build (the storefront: served from cache, the same bytes for everyone,
 * which is what keeps it fast) cannot carry a per-request nonce, and their inline scripts (Next's
 * page data) change whenever the catalog is revalidated, so no hash list can name them: their
 * policy allows inline scripts. Those pages render the seller's catalog and nothing a visitor sends.
 */
// React's `requestAnimationFrame(function(){$RT=performance.now()});`, written into every static
// shell at build (react-dom/server, `shellTimeRuntimeScript`), so it carries no nonce.
const REACT_SHELL_TIME_SCRIPT = "sha256-7mu4H06fwDCjmnxxr/xNHyuQC6pLTHr4M2E4jXw5WZs=";

function contentSecurityPolicy(options: {
  nonce?: string;
  dev: boolean;
  /** Where checkout pays: Stripe's hosted page, or the local emulator's. */
  checkoutOrigin: string;
}): string {
  // React's dev build rebuilds server error stacks with eval; production never evals.
  const evalInDev = options.dev ? " 'unsafe-eval'" : "";
  const scripts = options.nonce
    ? `'self' 'nonce-${options.nonce}' '${REACT_SHELL_TIME_SCRIPT}'${evalInDev}`
    : `'self' 'unsafe-inline'${evalInDev}`;
  return [
    "default-src 'self'",
    `script-src ${scripts}`,
    // Next and React put style attributes on elements (the sales chart's bar heights, the
    // route announcer): a style cannot run code, so inline styles are allowed everywhere.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' blob: data:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    // A buy button submitted before the page hydrated is a plain form post answered with a
    // redirect to the checkout page; browsers check that redirect against form-action.
    `form-action 'self' ${options.checkoutOrigin}`,
    "frame-ancestors 'none'",
  ].join("; ");
}

type PageSecurityOptions = Parameters<typeof contentSecurityPolicy>[0] & {
  /** The app's public URL: over https, browsers are told to never use plain http again. */
  appUrl: string;
};

/** The security headers of one page response. */
export function pageSecurityHeaders(options: PageSecurityOptions): Record<string, string> {
  const headers: Record<string, string> = {
    "content-security-policy": contentSecurityPolicy(options),
  };
  if (new URL(options.appUrl).protocol === "https:") {
    // Two years, the preload list's minimum; subdomains too, since the app's cookies cover them.
    headers["strict-transport-security"] = "max-age=63072000; includeSubDomains";
  }
  return headers;
}

/** A random nonce for one response (128 bits, base64). */
export function createNonce(): string {
  return Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
}
