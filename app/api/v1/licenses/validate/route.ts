import { corsPreflight, licenseApiRoute } from "@/lib/license-api/license-api-route";
import { validateEndpoint } from "@/lib/license-api/license-api-endpoints";

export const POST = licenseApiRoute(validateEndpoint);

export const OPTIONS = corsPreflight;
