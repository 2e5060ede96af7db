export type CheckoutFormState = { error?: { code: string; message: string } };
