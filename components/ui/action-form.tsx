"use client";

import { useActionState } from "react";
import type { ActionState } from "./action-state";

type Props = {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  submitLabel: string;
  pendingLabel?: string;
  // Hidden inputs: which record the action is about.
  fields?: Record<string, string>;
  variant?: "primary" | "secondary" | "danger";
  // Shown under the button until the action answers.
  note?: string;
  children?: React.ReactNode;
  className?: string;
};

const VARIANTS = {
  primary: "bg-brand-600 text-white hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white text-slate-800 hover:border-slate-400",
  danger: "border border-red-200 bg-white text-red-700 hover:border-red-400",
};

/** A form posting to a server action, with the action's answer (or a download it made) below it. */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel = "Working…",
  fields = {},
  variant = "secondary",
  note,
  children,
  className = "",
}: Props) {
  const [state, formAction, pending] = useActionState(action, {});
  return (
    <form action={formAction} className={`flex flex-wrap items-end gap-2 ${className}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <button
        type="submit"
        disabled={pending}
        className={`rounded-md px-3 py-1.5 text-sm font-medium disabled:cursor-wait disabled:opacity-70 ${VARIANTS[variant]}`}
      >
        {pending ? pendingLabel : submitLabel}
      </button>
      <p
        role="status"
        aria-live="polite"
        className={`basis-full text-sm ${state.ok === false ? "text-red-700" : "text-slate-600"}`}
      >
        {state.message ?? note}
        {state.download ? (
          <a
            href={state.download.url}
            download={state.download.fileName}
            className="text-brand-700 font-medium underline"
          >
            Download {state.download.fileName}
          </a>
        ) : null}
      </p>
    </form>
  );
}
