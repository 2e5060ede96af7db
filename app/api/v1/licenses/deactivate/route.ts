import { corsPreflight, licenseApiRoute } from "@/lib/license-api/license-api-route";
import { deactivateEndpoint } from "@/lib/license-api/license-api-endpoints";

export const POST = licenseApiRoute(deactivateEndpoint);

export const OPTIONS = corsPreflight;
