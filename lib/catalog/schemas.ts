import { z } from "zod";

export const startCheckoutSchema = z.object({
  tierId: z
    .string()
    .trim()
    .min(1)
    .max(64)
    .regex(/^[a-z0-9]+$/i),
  // Prefills Stripe Checkout's email field; the buyer can still change it there.
  email: z
    .email()
    .max(254)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
