import { CORS_HEADERS } from "@/lib/license-api/license-api-endpoint";
import { corsPreflight } from "@/lib/license-api/license-api-route";
import { openApiDocument } from "@/lib/license-api/openapi-document";

export function GET() {
  return Response.json(openApiDocument, { headers: CORS_HEADERS });
}

export const OPTIONS = corsPreflight;
