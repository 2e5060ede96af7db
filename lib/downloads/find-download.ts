import "server-only";
import { db } from "@/lib/db";
import { downloadNotFound, downloadRefusal, type DownloadRequest } from "./download-attempt";
import { hashDownloadToken, isDownloadTokenFormat } from "./download-token";

/**
 * The file behind a download link, if the link would serve this request, without using an
 * attempt: what a HEAD request, or a range the file cannot satisfy, is answered from.
 */
export async function findDownload(options: { token: string } & DownloadRequest) {
  if (!isDownloadTokenFormat(options.token)) throw downloadNotFound();
  const token = await db.downloadToken.findUnique({
    where: { tokenHash: hashDownloadToken(options.token) },
    include: { license: true, asset: true },
  });
  if (!token) throw downloadNotFound();
  const refusal = downloadRefusal(token, options, new Date());
  if (refusal) throw refusal;
  return token.asset;
}
