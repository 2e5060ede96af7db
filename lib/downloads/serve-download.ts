import "server-only";
import { findDownload } from "./find-download";
import { redeemDownloadToken } from "./redeem-download-token";
import { assetResponse, locateAsset } from "./stream-asset";

/**
 * A download link's answer. Only a GET that receives bytes can use an attempt: a HEAD request and
 * a range the file cannot satisfy (416) are answered without one, and the ranged requests of one
 * download count once (see `continuesAttempt`).
 */
export async function serveDownload(options: {
  token: string;
  method: "GET" | "HEAD";
  rangeHeader: string | null;
  clientIp: string;
}): Promise<Response> {
  const request = {
    token: options.token,
    clientIp: options.clientIp,
    ranged: options.rangeHeader !== null,
  };
  const located = await locateAsset({
    asset: await findDownload(request),
    rangeHeader: options.rangeHeader,
  });
  if (options.method === "HEAD" || located.range === "unsatisfiable")
    return assetResponse(located, { withBody: false });
  await redeemDownloadToken(request);
  return assetResponse(located, { withBody: true });
}
