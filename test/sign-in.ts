import { createRequire } from "node:module";
import path from "node:path";
import { POST } from "@/app/api/auth/[...nextauth]/route";
import { config } from "@/lib/config";
import { fromClient } from "./client-address";

type CreateCsrfToken = (params: { options: { secret: string }; isPost: boolean }) => {
  cookie: string;
  csrfToken: string;
};

// next-auth's own token maker (not exported by the package, so loaded by its file): the cookie a
// browser gets from GET /api/auth/csrf and the token its sign-in form posts.
const { createCSRFToken } = createRequire(import.meta.url)(
  path.resolve("node_modules/next-auth/core/lib/csrf-token.js"),
) as { createCSRFToken: CreateCsrfToken };

/** A browser's CSRF cookie header and form token, as next-auth would hand them out. */
export function csrfFromNextAuth(): { cookieHeader: string; csrfToken: string } {
  const { cookie, csrfToken } = createCSRFToken({
    options: { secret: config().authSecret },
    isPost: false,
  });
  return { cookieHeader: `next-auth.csrf-token=${encodeURIComponent(cookie)}`, csrfToken };
}

/** POSTs the sign-in form to the route handler, as a browser (or anyone) would. */
export function postSignInForm(options: {
  fields: Record<string, string>;
  ip: string;
  cookieHeader?: string;
  body?: BodyInit;
  headers?: Record<string, string>;
}): Promise<Response> {
  return POST(
    new Request("http://localhost/api/auth/signin/email", {
      method: "POST",
      headers: {
        "content-type": "application/x-www-form-urlencoded",
        ...fromClient(options.ip),
        ...(options.cookieHeader ? { cookie: options.cookieHeader } : {}),
        ...options.headers,
      },
      body: options.body ?? new URLSearchParams(options.fields),
      ...(options.body instanceof ReadableStream ? { duplex: "half" } : {}),
    }),
    { params: Promise.resolve({ nextauth: ["signin", "email"] }) },
  );
}
