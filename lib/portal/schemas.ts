import { z } from "zod";
import { recordId } from "@/lib/db/record-id";

export const licenseActionSchema = z.object({ licenseId: recordId });
export const downloadLinkSchema = z.object({ licenseId: recordId, assetId: recordId });
export const downloadTokenActionSchema = z.object({ downloadTokenId: recordId });
export const deviceActionSchema = z.object({ activationId: recordId });
