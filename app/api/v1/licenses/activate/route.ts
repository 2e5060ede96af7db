import { corsPreflight, licenseApiRoute } from "@/lib/license-api/license-api-route";
import { activateEndpoint } from "@/lib/license-api/license-api-endpoints";

export const POST = licenseApiRoute(activateEndpoint);

export const OPTIONS = corsPreflight;
