import "server-only";
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { config } from "@/lib/config";
import type { Asset } from "@/lib/generated/prisma/client";

type ByteRange = { start: number; end: number };

/** One `bytes=` range, the form download managers use to resume; anything else is unsatisfiable. */
export function parseRange(
  header: string | null,
  size: number,
): ByteRange | "none" | "unsatisfiable" {
  if (!header) return "none";
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (!match || (match[1] === "" && match[2] === "")) return "unsatisfiable";
  let start: number;
  let end: number;
  if (match[1] === "") {
    const suffix = Number(match[2]);
    if (suffix === 0) return "unsatisfiable";
    start = Math.max(0, size - suffix);
    end = size - 1;
  } else {
    start = Number(match[1]);
    end = match[2] === "" ? size - 1 : Math.min(Number(match[2]), size - 1);
  }
  return start > end || start >= size ? "unsatisfiable" : { start, end };
}

function contentDisposition(fileName: string) {
  const ascii = fileName.replace(/[^\x20-\x7e]|["\\]/g, "_");
  return `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(fileName)}`;
}

/** An asset's file on disk, its size, and the part of it a Range header asks for. */
export type LocatedAsset = {
  asset: Asset;
  file: string;
  size: number;
  range: ByteRange | "none" | "unsatisfiable";
};

/** Finds an asset's file inside STORAGE_DIR and reads the Range header against its size. */
export async function locateAsset(options: {
  asset: Asset;
  rangeHeader: string | null;
}): Promise<LocatedAsset> {
  const root = path.resolve(config().storageDir);
  const file = path.resolve(root, options.asset.storageKey);
  if (!file.startsWith(root + path.sep))
    throw new Error(`Asset ${options.asset.id} points outside STORAGE_DIR`);
  const { size } = await stat(file);
  return { asset: options.asset, file, size, range: parseRange(options.rangeHeader, size) };
}

/**
 * The HTTP answer for a located file: 416 for a range it cannot satisfy, else the whole file (200)
 * or the range (206), with the file's bytes unless `withBody` is false (a HEAD request).
 */
export function assetResponse(located: LocatedAsset, options: { withBody: boolean }): Response {
  const { asset, file, size, range } = located;
  const headers: Record<string, string> = {
    "Content-Type": asset.contentType,
    "Content-Disposition": contentDisposition(asset.fileName),
    "Accept-Ranges": "bytes",
    "Cache-Control": "private, no-store",
    "X-Content-Type-Options": "nosniff",
  };
  if (range === "unsatisfiable") {
    return new Response(null, {
      status: 416,
      headers: { ...headers, "Content-Range": `bytes */${size}` },
    });
  }
  const { start, end } = range === "none" ? { start: 0, end: size - 1 } : range;
  const body = options.withBody
    ? (Readable.toWeb(createReadStream(file, { start, end })) as ReadableStream<Uint8Array>)
    : null;
  return new Response(body, {
    status: range === "none" ? 200 : 206,
    headers: {
      ...headers,
      "Content-Length": String(end - start + 1),
      ...(range !== "none" && { "Content-Range": `bytes ${start}-${end}/${size}` }),
    },
  });
}
