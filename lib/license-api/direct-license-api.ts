import "server-only";
import type { DirectLicenseApi } from "./license-api-handoff";
import type { LicenseApiEndpoint } from "./license-api-endpoint";
import { activateEndpoint, deactivateEndpoint, validateEndpoint } from "./license-api-endpoints";
import { serveLicenseApi } from "./serve-license-api";

// The checks the seller's software makes far more often than people load pages: `npm start`
// answers them before Next's router (see server.ts). The App Router routes call the same endpoints.
const DIRECT_POSTS = new Map<string, LicenseApiEndpoint>([
  ["/api/v1/licenses/validate", validateEndpoint],
  ["/api/v1/licenses/activate", activateEndpoint],
  ["/api/v1/licenses/deactivate", deactivateEndpoint],
]);

export const directLicenseApi: DirectLicenseApi = (request, response) => {
  const endpoint =
    request.method === "POST" ? DIRECT_POSTS.get(request.url?.split("?", 1)[0] ?? "") : undefined;
  return endpoint ? serveLicenseApi(endpoint, request, response) : null;
};
