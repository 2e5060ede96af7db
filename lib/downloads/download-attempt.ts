import "server-only";
import { createHash } from "node:crypto";
import { AppError } from "@/lib/errors/app-error";
import { licenseUsability } from "@/lib/licenses/license-usability";
import type { DownloadToken, License } from "@/lib/generated/prisma/client";

/**
 * How long after an attempt began the same client's ranged requests still belong to it: long
 * enough for a download manager's parallel segments and for resuming a large file over a slow or
 * interrupted connection, short enough that one attempt is not a day of free downloads.
 */
export const ATTEMPT_WINDOW_HOURS = 6;

/** One GET of a download link: who asks (their address) and whether it asks for a byte range. */
export type DownloadRequest = { clientIp: string; ranged: boolean };

type TokenState = Pick<
  DownloadToken,
  "revokedAt" | "expiresAt" | "attemptsUsed" | "maxAttempts" | "attemptStartedAt" | "attemptClient"
> & { license: Pick<License, "status" | "expiresAt"> };

/** What is stored of a client's address: enough to recognise it again, not the address. */
export const attemptClientOf = (clientIp: string) =>
  createHash("sha256").update(clientIp).digest("hex");

/**
 * Whether a request carries on the link's current attempt instead of starting one: a ranged
 * request (a download manager's segment, a resumed transfer) from the client that started the
 * attempt, within its window. A request without Range is a whole new download and always counts,
 * and so does a request from anyone else, so a shared link still runs out. A client whose address
 * is not known (see lib/http/client-ip.ts) never carries on an attempt.
 */
export function continuesAttempt(token: TokenState, request: DownloadRequest, now: Date): boolean {
  return (
    request.ranged &&
    !request.clientIp.startsWith("unknown:") &&
    token.attemptClient === attemptClientOf(request.clientIp) &&
    token.attemptStartedAt !== null &&
    now.getTime() - token.attemptStartedAt.getTime() < ATTEMPT_WINDOW_HOURS * 3_600_000
  );
}

/**
 * Why the link cannot serve this request, or null when it can: revoked, its license not usable,
 * expired, or no attempt left for a request that would start one.
 */
export function downloadRefusal(
  token: TokenState,
  request: DownloadRequest,
  now: Date,
): AppError | null {
  if (token.revokedAt) return new AppError("DOWNLOAD_REVOKED", "This download link was revoked.");
  const usability = licenseUsability(token.license, now);
  if (usability !== "VALID") {
    return new AppError(
      "LICENSE_NOT_USABLE",
      `The license of this download is ${usability.toLowerCase()}, so its files can no longer be downloaded.`,
    );
  }
  if (token.expiresAt <= now)
    return new AppError("DOWNLOAD_EXPIRED", "This download link has expired.");
  if (token.attemptsUsed >= token.maxAttempts && !continuesAttempt(token, request, now)) {
    return new AppError(
      "DOWNLOAD_USED_UP",
      "This download link has been used the maximum number of times.",
    );
  }
  return null;
}

export const downloadNotFound = () =>
  new AppError("NOT_FOUND", "This download link does not exist. Check that you copied all of it.");
