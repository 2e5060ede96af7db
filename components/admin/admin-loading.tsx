export function AdminLoading({ className = "" }: { className?: string }) {
  return (
    <div
      role="status"
      aria-label="Loading"
      className={`h-64 animate-pulse rounded-xl bg-slate-100 ${className}`}
    />
  );
}
