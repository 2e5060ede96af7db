import { z } from "zod";
import { recordId } from "@/lib/db/record-id";

export const startCheckoutSchema = z.object({
  tierId: recordId,
  // Prefills Stripe Checkout's email field; the buyer can still change it there.
  email: z
    .email()
    .max(254)
    .optional()
    .or(z.literal("").transform(() => undefined)),
});
