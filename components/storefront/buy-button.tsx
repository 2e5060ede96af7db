"use client";

import { useActionState } from "react";
import type { ActionState, FormAction } from "@/app/_actions/action-state";
import { Button } from "@/components/ui/button";

const NOTHING_YET: ActionState = {};

export function BuyButton({
  tierId,
  label,
  checkout,
}: {
  tierId: string;
  label: string;
  checkout: FormAction;
}) {
  const [state, action, pending] = useActionState(checkout, NOTHING_YET);
  const messageId = `checkout-message-${tierId}`;
  return (
    <form action={action} className="mt-6">
      <input type="hidden" name="tierId" value={tierId} />
      <Button
        type="submit"
        size="lg"
        disabled={pending}
        aria-describedby={state.error ? messageId : undefined}
        className="w-full"
      >
        {pending ? "Starting checkout…" : label}
      </Button>
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
