import { corsPreflight, licenseApiRoute } from "@/lib/api/license-api-route";
import { validateEndpoint } from "@/lib/licenses/license-api-endpoints";

export const POST = licenseApiRoute(validateEndpoint);

export const OPTIONS = corsPreflight;
