import NextAuth from "next-auth";
import { NextRequest } from "next/server";
import { clientIp } from "@/lib/http/client-ip";
import { readBodyBytes } from "@/lib/http/read-body-bytes";
import { authOptions } from "@/lib/auth/auth-options";
import { checkSignInRequest, type SignInCheck } from "@/lib/auth/limit-sign-in-requests";
import {
  invalidCallbackUrlResponse,
  isCallbackUrlNextAuthAccepts,
} from "@/lib/auth/safe-callback-url";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/error-response";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

// Every next-auth form is a few hundred bytes: no one needs more, and nobody may make us read more.
const MAX_BODY_BYTES = 16 * 1024;

export async function POST(request: Request, context: Context) {
  // next-auth reads every POST as a form and throws on anything else: refuse it here, not with a 500.
  if (!request.headers.get("content-type")?.startsWith("application/x-www-form-urlencoded")) {
    return errorResponse(
      new AppError(
        "UNSUPPORTED_MEDIA_TYPE",
        "Send the sign-in form as application/x-www-form-urlencoded.",
      ),
    );
  }
  let body: Uint8Array;
  try {
    body = await readBodyBytes(request, MAX_BODY_BYTES);
  } catch (error) {
    return errorResponse(
      error instanceof AppError
        ? error
        : new AppError("REQUEST_INCOMPLETE", "The request body ended before it was complete."),
    );
  }
  const text = Buffer.from(body).toString("utf8");
  const form = new URLSearchParams(text);
  // next-auth redirects to the form's callbackUrl and throws on one it cannot parse (a 500).
  const callbackUrl = form.get("callbackUrl");
  if (callbackUrl !== null && !isCallbackUrlNextAuthAccepts(callbackUrl)) {
    return invalidCallbackUrlResponse();
  }
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "signin/email") {
    const check = await checkSignInRequest({
      form,
      cookieHeader: request.headers.get("cookie"),
      ip: clientIp(request.headers),
    });
    if (!check.allowed) {
      const url = refusalUrl(check);
      // next-auth's client asks for JSON and follows `url`; a plain form post follows the redirect.
      return form.get("json") === "true" ? Response.json({ url }) : Response.redirect(url, 302);
    }
  }
  // The body is read: next-auth gets the same form.
  return handler(
    new NextRequest(request.url, { method: "POST", headers: request.headers, body: text }),
    context,
  );
}

/** Where a refused sign-in goes: next-auth's own answers to a bad CSRF token or email, or ours. */
function refusalUrl(check: Extract<SignInCheck, { allowed: false }>): string {
  const appUrl = config().appUrl;
  switch (check.refusal) {
    case "CSRF":
      return `${appUrl}/api/auth/signin?csrf=true`;
    case "INVALID_EMAIL":
      return `${appUrl}/api/auth/error?error=EmailSignin`;
    case "RATE_LIMITED":
      return `${appUrl}/signin?error=RateLimited&retryAfter=${check.retryAfterSeconds}`;
  }
}

export { handler as GET };
