/** The payment intent a charge or dispute belongs to, expanded or not. */
export const paymentIntentIdOf = (object: {
  payment_intent: string | { id: string } | null;
}): string | undefined =>
  typeof object.payment_intent === "string" ? object.payment_intent : object.payment_intent?.id;
