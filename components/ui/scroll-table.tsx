/**
 * A table that scrolls sideways on a narrow screen instead of widening the page. `relative` matters:
 * without a positioned scroll box, absolutely positioned children (sr-only text) escape it and the
 * whole page scrolls sideways.
 */
export function ScrollTable({
  tableClassName,
  framed = false,
  children,
}: {
  tableClassName: string;
  framed?: boolean;
  children: React.ReactNode;
}) {
  return (
    <div
      className={`relative overflow-x-auto ${framed ? "rounded-xl border border-slate-200 bg-white" : ""}`}
    >
      <table className={`w-full text-left text-sm ${tableClassName}`}>{children}</table>
    </div>
  );
}
