/** What a list shows when it has nothing in it: a sentence and, if useful, where to go next. */
export function EmptyState({ children }: { children: React.ReactNode }) {
  return (
    <p className="rounded-xl border border-dashed border-slate-300 p-6 text-center text-slate-600">
      {children}
    </p>
  );
}
