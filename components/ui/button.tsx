import type { ComponentProps } from "react";

const VARIANT = {
  primary: "bg-brand-600 font-semibold text-white shadow-sm hover:bg-brand-700",
  secondary: "border border-slate-300 bg-white font-medium text-slate-800 hover:border-slate-400",
  danger: "border border-red-200 bg-white font-medium text-red-700 hover:border-red-400",
} as const;

const SIZE = {
  sm: "px-3 py-1.5",
  md: "px-4 py-2",
  lg: "px-4 py-2.5",
} as const;

export type ButtonStyle = {
  variant?: keyof typeof VARIANT;
  size?: keyof typeof SIZE;
  /** Layout only (margin, width); the look comes from the variant. */
  className?: string;
};

/** The classes of a button, for a link that reads as an action (`<Link className={…}>`). */
export function buttonClassName({ variant = "primary", size = "md", className }: ButtonStyle = {}) {
  return [
    "inline-flex items-center justify-center rounded-md text-center text-sm disabled:cursor-wait disabled:opacity-70",
    VARIANT[variant],
    SIZE[size],
    className,
  ]
    .filter(Boolean)
    .join(" ");
}

export function Button({
  variant,
  size,
  className,
  type = "button",
  ...props
}: Omit<ComponentProps<"button">, "className"> & ButtonStyle) {
  return (
    <button type={type} className={buttonClassName({ variant, size, className })} {...props} />
  );
}
