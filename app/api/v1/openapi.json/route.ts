import { CORS_HEADERS } from "@/lib/api/license-api-endpoint";
import { corsPreflight } from "@/lib/api/license-api-route";
import { openApiDocument } from "@/lib/licenses/openapi-document";

export function GET() {
  return Response.json(openApiDocument, { headers: CORS_HEADERS });
}

export const OPTIONS = corsPreflight;
