import { redeemDownloadToken } from "@/lib/downloads/redeem-download-token";
import { streamAsset } from "@/lib/downloads/stream-asset";
import { AppError } from "@/lib/errors/app-error";
import { unavailablePage } from "./unavailable-page";

export async function GET(request: Request, { params }: RouteContext<"/api/downloads/[token]">) {
  const { token } = await params;
  if (!/^[A-Za-z0-9_-]{43}$/.test(token))
    return unavailablePage(
      404,
      "This download link does not exist. Check that you copied all of it.",
    );
  try {
    const { asset } = await redeemDownloadToken({ token });
    return await streamAsset({ asset, rangeHeader: request.headers.get("range") });
  } catch (error) {
    if (error instanceof AppError) return unavailablePage(error.status, error.message);
    console.error("download failed:", error);
    return unavailablePage(
      503,
      "The file could not be read just now. Please try again in a minute.",
    );
  }
}
