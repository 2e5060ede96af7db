import { corsPreflight, licenseApiRoute } from "@/lib/api/license-api-route";
import { deactivateRequestSchema } from "@/lib/licenses/api-schemas";
import { deactivateLicense } from "@/lib/licenses/deactivate-license";
import { activationResponse } from "@/lib/licenses/license-api-responses";

export const POST = licenseApiRoute(deactivateRequestSchema, async (input, { ip }) =>
  activationResponse(
    await deactivateLicense({ ...input, actor: { type: "API", label: `license API from ${ip}` } }),
  ),
);

export const OPTIONS = corsPreflight;
