import type { ColumnMapping } from "../gen/bulkinvite/v1/import_pb.js";
import { mappingLines } from "../columns/mapping.js";
import { text } from "../text.js";

/** Which file column fills which field, and which columns are not imported (the check's column_mappings). */
export function ColumnMappingList({ mappings }: { mappings: readonly ColumnMapping[] }) {
  if (mappings.length === 0) return null;
  const { imported, ignored } = mappingLines(mappings);
  return (
    <section class="columns" aria-labelledby="columns-title" data-testid="column-mapping">
      <h2 id="columns-title">{text.columns.title}</h2>
      <ul>
        {[...imported, ...ignored].map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </section>
  );
}
