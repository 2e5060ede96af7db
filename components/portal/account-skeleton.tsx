export function AccountSkeleton() {
  return (
    <div role="status" aria-label="Loading your account" className="space-y-6">
      <div className="h-9 w-64 animate-pulse rounded bg-slate-100" />
      <div className="h-64 animate-pulse rounded-xl bg-slate-100" />
      <div className="h-32 animate-pulse rounded-xl bg-slate-100" />
    </div>
  );
}
