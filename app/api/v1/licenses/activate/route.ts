import { corsPreflight, licenseApiRoute } from "@/lib/api/license-api-route";
import { activateEndpoint } from "@/lib/licenses/license-api-endpoints";

export const POST = licenseApiRoute(activateEndpoint);

export const OPTIONS = corsPreflight;
