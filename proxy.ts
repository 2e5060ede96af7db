import { type NextRequest, NextResponse } from "next/server";
import { findRequestViewer, SESSION_COOKIES } from "@/lib/auth/find-request-viewer";
import {
  hasControlCharacter,
  invalidCallbackUrlResponse,
  isCallbackUrlNextAuthAccepts,
} from "@/lib/auth/safe-callback-url";
import { config as appConfig } from "@/lib/config";
import { createNonce, pageSecurityHeaders } from "@/lib/http/page-security-headers";
import { refuseMalformedServerAction } from "@/lib/http/refuse-malformed-server-action";
import { findCustomerPurchase } from "@/lib/portal/list-customer-purchases";

// Pages rendered per request: they get a nonce-based policy. Everything else is prerendered at
// build (the storefront) and gets the policy that needs no nonce (see page-security-headers.ts).
const PER_REQUEST_PAGES = /^\/(?:account|admin|signin|checkout)(?:\/|$)/;
const SIGNED_IN_AREAS = /^\/(?:account|admin)(?:\/|$)/;
const RECEIPT = /^\/account\/purchases\/([^/]+)\/receipt$/;
const PURCHASE_ID = /^[A-Za-z0-9_-]{1,64}$/;

/**
 * Runs before every page and auth route. Answers what a page could only answer after its first
 * byte (and so with a 200): the sign-in redirect, the 404 of the admin area and of someone else's
 * receipt, and malformed server actions and callback URLs, which Next would answer with a 500.
 * Pages, layouts and actions still check who asks themselves.
 */
export async function proxy(request: NextRequest) {
  const { pathname } = request.nextUrl;

  if (pathname === "/signin" || pathname.startsWith("/api/auth/")) {
    const callbackUrls = [
      request.nextUrl.searchParams.get("callbackUrl"),
      request.cookies.get("next-auth.callback-url")?.value,
      request.cookies.get("__Secure-next-auth.callback-url")?.value,
    ];
    // The sign-in page falls back to /account on any other value; next-auth would throw on it.
    const refused =
      pathname === "/signin"
        ? hasControlCharacter
        : (url: string) => !isCallbackUrlNextAuthAccepts(url);
    if (callbackUrls.some((url) => url && refused(url))) return invalidCallbackUrlResponse();
  }
  if (pathname.startsWith("/api/")) return NextResponse.next();

  // A POST is a server action, which checks who asks itself and answers in its own protocol.
  if (request.method !== "GET" && request.method !== "HEAD") {
    return (await refuseMalformedServerAction(request)) ?? withSecurityHeaders(request);
  }

  const access = await checkAccess(request);
  if (access !== "allowed") {
    if (access === "not-found") {
      // Next's not-found page, prerendered: its policy is the one without a nonce.
      return withHeaders(
        NextResponse.rewrite(new URL("/_not-found", request.url), { status: 404 }),
        securityHeaders(undefined),
      );
    }
    const signIn = new URL("/signin", request.url);
    signIn.searchParams.set("callbackUrl", `${pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(signIn, 307);
  }
  return withSecurityHeaders(request);
}

/**
 * Who may see the page: a signed-out visitor of /account or /admin is sent to sign in (known by
 * the absence of a session cookie, without reading the database); the admin area and a receipt
 * look up the session, since their answer for the wrong person is a real 404.
 */
async function checkAccess(request: NextRequest): Promise<"allowed" | "sign-in" | "not-found"> {
  const { pathname } = request.nextUrl;
  if (!SIGNED_IN_AREAS.test(pathname)) return "allowed";
  if (!SESSION_COOKIES.some((name) => request.cookies.has(name))) return "sign-in";
  const receiptId = pathname.match(RECEIPT)?.[1];
  const isAdminArea = pathname === "/admin" || pathname.startsWith("/admin/");
  if (!isAdminArea && receiptId === undefined) return "allowed";

  const viewer = await findRequestViewer({
    headers: request.headers,
    cookies: request.cookies.getAll(),
  });
  if (!viewer) return "sign-in";
  if (isAdminArea) return viewer.role === "ADMIN" ? "allowed" : "not-found";
  // Purchase ids are cuids: anything else (a NUL, a broken %-escape) names no purchase.
  if (!PURCHASE_ID.test(receiptId!)) return "not-found";
  const purchase = await findCustomerPurchase({ email: viewer.email, purchaseId: receiptId! });
  return purchase ? "allowed" : "not-found";
}

/** The page's security headers; a nonce for the pages rendered per request. */
function securityHeaders(nonce: string | undefined): Record<string, string> {
  const { appUrl, stripe } = appConfig();
  return pageSecurityHeaders({
    nonce,
    appUrl,
    dev: process.env.NODE_ENV === "development",
    checkoutOrigin: stripe.apiBase ? new URL(stripe.apiBase).origin : "https://checkout.stripe.com",
  });
}

function withSecurityHeaders(request: NextRequest): NextResponse {
  const nonce = PER_REQUEST_PAGES.test(request.nextUrl.pathname) ? createNonce() : undefined;
  const headers = securityHeaders(nonce);
  // Next reads the nonce from the request's policy and puts it on the scripts it renders; a
  // policy the client sent is never the one rendered with.
  const requestHeaders = new Headers(request.headers);
  requestHeaders.delete("x-nonce");
  requestHeaders.delete("content-security-policy");
  if (nonce) {
    requestHeaders.set("x-nonce", nonce);
    requestHeaders.set("content-security-policy", headers["content-security-policy"]!);
  }
  return withHeaders(NextResponse.next({ request: { headers: requestHeaders } }), headers);
}

function withHeaders(response: NextResponse, headers: Record<string, string>): NextResponse {
  for (const [name, value] of Object.entries(headers)) response.headers.set(name, value);
  return response;
}

export const config = {
  // Every page and the auth routes; not the other API routes, nor Next's and the app's static files.
  matcher: ["/api/auth/:path*", "/((?!api/|_next/static|_next/image|favicon.ico|icon.svg).*)"],
};
