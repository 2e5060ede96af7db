import { corsPreflight, licenseApiRoute } from "@/lib/api/license-api-route";
import { activateLicense } from "@/lib/licenses/activate-license";
import { activateRequestSchema } from "@/lib/licenses/api-schemas";
import { activationResponse } from "@/lib/licenses/license-api-responses";

export const POST = licenseApiRoute(activateRequestSchema, async (input, { ip }) =>
  activationResponse(
    await activateLicense({ ...input, actor: { type: "API", label: `license API from ${ip}` } }),
  ),
);

export const OPTIONS = corsPreflight;
