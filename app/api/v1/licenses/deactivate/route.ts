import { corsPreflight, licenseApiRoute } from "@/lib/api/license-api-route";
import { deactivateEndpoint } from "@/lib/licenses/license-api-endpoints";

export const POST = licenseApiRoute(deactivateEndpoint);

export const OPTIONS = corsPreflight;
