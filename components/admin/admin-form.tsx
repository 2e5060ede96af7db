"use client";

import { useActionState } from "react";
import type { ActionState } from "@/components/portal/action-state";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  variant?: "primary" | "danger" | "secondary";
  children?: React.ReactNode;
  className?: string;
};

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  danger: "bg-red-700 text-white hover:bg-red-800",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:border-slate-400",
};

/** A form posting to an admin server action, showing its answer beside the button. */
export function AdminForm({
  action,
  submitLabel,
  variant = "secondary",
  children,
  className = "",
}: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={`flex flex-wrap items-end gap-2 ${className}`}>
      {children}
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:opacity-70 ${VARIANTS[variant]}`}
      >
        {pending ? "Working…" : submitLabel}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={`basis-full text-sm ${state.ok === false ? "text-red-700" : "text-slate-600"}`}
      >
        {state.message}
      </p>
    </form>
  );
}
