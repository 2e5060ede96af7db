import { z } from "zod";

const id = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[a-z0-9]+$/i);

export const licenseActionSchema = z.object({ licenseId: id });
export const downloadLinkSchema = z.object({ licenseId: id, assetId: id });
export const downloadTokenActionSchema = z.object({ downloadTokenId: id });
export const deviceActionSchema = z.object({ activationId: id });
