type Column<Row> = {
  header: string;
  /** Read by screen readers only: for a column of buttons or links whose header would be noise. */
  hideHeader?: boolean;
  cell: (row: Row) => React.ReactNode;
  className?: string;
};

/**
 * A table of records that scrolls sideways on a narrow screen instead of widening the page.
 * `relative` matters: without a positioned scroll box, absolutely positioned children (sr-only
 * text) escape it and the whole page scrolls sideways.
 */
export function DataTable<Row>({
  caption,
  columns,
  rows,
  rowKey,
  minWidth,
  framed = false,
}: {
  /** Names the table for screen readers. */
  caption: string;
  columns: Column<Row>[];
  rows: Row[];
  rowKey: (row: Row) => string;
  /** Below this width the table scrolls, e.g. "40rem". */
  minWidth: `${number}rem`;
  /** A bordered white card, for a table standing on its own in a page. */
  framed?: boolean;
}) {
  const cell = framed ? "px-4 py-2" : "py-2 pr-4";
  return (
    <div
      className={`relative overflow-x-auto ${framed ? "rounded-xl border border-slate-200 bg-white" : ""}`}
    >
      <table className="w-full text-left text-sm" style={{ minWidth }}>
        <caption className="sr-only">{caption}</caption>
        <thead className={`text-slate-600 ${framed ? "bg-slate-50" : ""}`}>
          <tr>
            {columns.map((column) => (
              <th key={column.header} scope="col" className={`${cell} font-medium`}>
                {column.hideHeader ? (
                  <span className="sr-only">{column.header}</span>
                ) : (
                  column.header
                )}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100 align-top">
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((column) => (
                <td key={column.header} className={`${cell} ${column.className ?? ""}`}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
