import NextAuth from "next-auth";
import { clientIp } from "@/lib/api/client-ip";
import { authOptions } from "@/lib/auth/auth-options";
import { limitSignInRequests } from "@/lib/auth/limit-sign-in-requests";
import { config } from "@/lib/config";
import { AppError } from "@/lib/errors/app-error";
import { errorResponse } from "@/lib/errors/error-response";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

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
  const { nextauth } = await context.params;
  if (nextauth.join("/") === "signin/email") {
    const form = await request.clone().formData();
    const limited = await limitSignInRequests({
      email: String(form.get("email") ?? ""),
      ip: clientIp(request.headers),
    });
    if (limited) {
      const url = `${config().appUrl}/signin?error=RateLimited&retryAfter=${limited.retryAfterSeconds}`;
      // next-auth's client asks for JSON and follows `url`; a plain form post follows the redirect.
      return form.get("json") === "true" ? Response.json({ url }) : Response.redirect(url, 303);
    }
  }
  return handler(request, context);
}

export { handler as GET };
