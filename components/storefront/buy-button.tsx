"use client";

import { useActionState } from "react";
import type { CheckoutFormState } from "./checkout-form-state";

type CheckoutAction = (state: CheckoutFormState, formData: FormData) => Promise<CheckoutFormState>;

export function BuyButton({
  tierId,
  label,
  checkout,
}: {
  tierId: string;
  label: string;
  checkout: CheckoutAction;
}) {
  const [state, action, pending] = useActionState(checkout, {});
  const messageId = `checkout-message-${tierId}`;
  return (
    <form action={action} className="mt-6">
      <input type="hidden" name="tierId" value={tierId} />
      <button
        type="submit"
        disabled={pending}
        aria-describedby={state.error ? messageId : undefined}
        className="bg-brand-600 hover:bg-brand-700 w-full rounded-md px-4 py-2.5 text-sm font-semibold text-white shadow-sm disabled:cursor-wait disabled:opacity-70"
      >
        {pending ? "Starting checkout…" : label}
      </button>
      <p
        id={messageId}
        role="status"
        aria-live="polite"
        className="mt-2 min-h-5 text-sm text-red-700"
      >
        {state.error?.message}
      </p>
    </form>
  );
}
