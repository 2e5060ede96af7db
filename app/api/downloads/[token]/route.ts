import { serveDownload } from "@/lib/downloads/serve-download";
import { AppError } from "@/lib/errors/app-error";
import { clientIp } from "@/lib/http/client-ip";
import { unavailablePage } from "./unavailable-page";

async function answer(
  request: Request,
  { params }: RouteContext<"/api/downloads/[token]">,
  method: "GET" | "HEAD",
) {
  const { token } = await params;
  try {
    return await serveDownload({
      token,
      method,
      rangeHeader: request.headers.get("range"),
      clientIp: clientIp(request.headers),
    });
  } catch (error) {
    if (error instanceof AppError) return unavailablePage(error.status, error.userMessage);
    console.error("download failed:", error);
    return unavailablePage(
      503,
      "The file could not be read just now. Please try again in a minute.",
    );
  }
}

export const GET = (request: Request, context: RouteContext<"/api/downloads/[token]">) =>
  answer(request, context, "GET");

// Without its own HEAD, Next answers HEAD with GET, and every probe would use an attempt.
export const HEAD = (request: Request, context: RouteContext<"/api/downloads/[token]">) =>
  answer(request, context, "HEAD");
