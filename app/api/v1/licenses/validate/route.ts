import { corsPreflight, licenseApiRoute } from "@/lib/api/license-api-route";
import { validateRequestSchema } from "@/lib/licenses/api-schemas";
import { validationResponse } from "@/lib/licenses/license-api-responses";
import { validateLicense } from "@/lib/licenses/validate-license";

export const POST = licenseApiRoute(validateRequestSchema, async (input) =>
  validationResponse(await validateLicense(input)),
);

export const OPTIONS = corsPreflight;
