import { createHash, randomBytes } from "node:crypto";

export const DOWNLOAD_TOKEN_HOURS = 48;
export const DOWNLOAD_TOKEN_ATTEMPTS = 5;

/** 256 random bits, URL-safe. Only its sha256 is stored. */
export const newDownloadToken = () => randomBytes(32).toString("base64url");

/** What `newDownloadToken` makes: 43 base64url characters. Anything else is not worth a lookup. */
export const isDownloadTokenFormat = (token: string) => /^[A-Za-z0-9_-]{43}$/.test(token);

export const hashDownloadToken = (token: string) =>
  createHash("sha256").update(token).digest("hex");
