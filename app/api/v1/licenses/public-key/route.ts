import { connection } from "next/server";
import { CORS_HEADERS } from "@/lib/license-api/license-api-endpoint";
import { corsPreflight } from "@/lib/license-api/license-api-route";
import { publicKeyFormats } from "@/lib/licenses/license-certificate";

export async function GET() {
  // The key comes from runtime configuration, never from the build.
  await connection();
  return Response.json(publicKeyFormats(), {
    headers: { ...CORS_HEADERS, "Cache-Control": "public, max-age=3600" },
  });
}

export const OPTIONS = corsPreflight;
