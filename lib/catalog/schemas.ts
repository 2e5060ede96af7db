import { z } from "zod";

export const startCheckoutSchema = z.object({
  tierId: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9]+$/i),
});
