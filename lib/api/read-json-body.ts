import { AppError } from "@/lib/errors/app-error";

/** Reads a JSON body of at most `maxBytes`, refusing larger ones before reading them whole. */
export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? 0);
  if (declared > maxBytes)
    throw new AppError("PAYLOAD_TOO_LARGE", `The request body must be at most ${maxBytes} bytes.`);
  const chunks: Uint8Array[] = [];
  let size = 0;
  if (request.body) {
    const reader = request.body.getReader();
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      size += value.byteLength;
      if (size > maxBytes) {
        await reader.cancel();
        throw new AppError(
          "PAYLOAD_TOO_LARGE",
          `The request body must be at most ${maxBytes} bytes.`,
        );
      }
      chunks.push(value);
    }
  }
  const text = Buffer.concat(chunks).toString("utf8");
  try {
    return JSON.parse(text) as unknown;
  } catch {
    throw new AppError("INVALID_JSON", "The request body must be a JSON object.");
  }
}
