"use client";

import { useActionState } from "react";
import type { ActionState, FormAction } from "@/app/_actions/action-state";
import { Button, type ButtonStyle } from "./button";

type Props = {
  action: FormAction;
  submitLabel: string;
  pendingLabel?: string;
  // Hidden inputs: which record the action is about.
  fields?: Record<string, string>;
  variant?: ButtonStyle["variant"];
  // Shown under the button until the action answers.
  note?: string;
  children?: React.ReactNode;
  className?: string;
};

const NOTHING_YET: ActionState = {};

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
  const [state, formAction, pending] = useActionState(action, NOTHING_YET);
  return (
    <form action={formAction} className={`flex flex-wrap items-end gap-2 ${className}`}>
      {Object.entries(fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      {children}
      <Button type="submit" disabled={pending} variant={variant} size="sm">
        {pending ? pendingLabel : submitLabel}
      </Button>
      <p
        role="status"
        aria-live="polite"
        className={`basis-full text-sm ${state.error ? "text-red-700" : "text-slate-600"}`}
      >
        {state.error?.message ?? state.message ?? note}
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
