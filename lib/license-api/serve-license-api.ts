import "server-only";
import type { IncomingMessage, ServerResponse } from "node:http";
import { AppError } from "@/lib/errors/app-error";
import securityHeaders from "@/lib/http/security-headers.json";
import { socketClientIp } from "@/lib/http/client-ip";
import type { LicenseApiEndpoint } from "./license-api-endpoint";
import { tooLarge } from "@/lib/http/read-body-bytes";

/**
 * Serves a license API endpoint straight from node:http (server.ts): the same endpoint function
 * the App Router route handler calls, without Web Request and Response objects in between.
 */
export async function serveLicenseApi(
  endpoint: LicenseApiEndpoint,
  incoming: IncomingMessage,
  outgoing: ServerResponse,
): Promise<void> {
  let bodyLeftUnread = false;
  const answer = await endpoint({
    ip: socketClientIp(incoming),
    readBody: (maxBytes) =>
      readBody(incoming, maxBytes).catch((error: unknown) => {
        bodyLeftUnread = true;
        throw error;
      }),
  });
  const body = JSON.stringify(answer.body);
  outgoing.writeHead(answer.status, {
    ...securityHeaders,
    ...answer.headers,
    "Content-Type": "application/json",
    "Content-Length": Buffer.byteLength(body),
    // What is left of an over-long body is never read, so the connection cannot be reused.
    ...(bodyLeftUnread ? { Connection: "close" } : {}),
  });
  outgoing.end(body);
}

function readBody(incoming: IncomingMessage, maxBytes: number): Promise<Uint8Array> {
  if (Number(incoming.headers["content-length"] ?? 0) > maxBytes)
    return Promise.reject(tooLarge(maxBytes));
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const stop = () => {
      incoming.off("data", onData).off("end", onEnd).off("close", onClose).pause();
    };
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size <= maxBytes) return void chunks.push(chunk);
      stop();
      reject(tooLarge(maxBytes));
    };
    const onEnd = () => {
      stop();
      resolve(Buffer.concat(chunks));
    };
    // A client that goes away mid-body: nobody is left to answer, but the call must still end.
    const onClose = () => {
      stop();
      reject(new AppError("REQUEST_INCOMPLETE", "The request body ended before it was complete."));
    };
    incoming.on("data", onData).on("end", onEnd).on("close", onClose);
  });
}
