import "server-only";
import { clientIp } from "@/lib/http/client-ip";
import { CORS_HEADERS, type LicenseApiEndpoint } from "./license-api-endpoint";
import { readBodyBytes } from "@/lib/http/read-body-bytes";

/** A license API endpoint as an App Router route handler. */
export function licenseApiRoute(endpoint: LicenseApiEndpoint) {
  return async (request: Request): Promise<Response> => {
    const answer = await endpoint({
      ip: clientIp(request.headers),
      readBody: (maxBytes) => readBodyBytes(request, maxBytes),
    });
    return Response.json(answer.body, { status: answer.status, headers: answer.headers });
  };
}

export const corsPreflight = () => new Response(null, { status: 204, headers: CORS_HEADERS });
