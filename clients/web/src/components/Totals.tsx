import type { Import } from "../gen/bulkinvite/v1/import_pb.js";
import { rowsToSkip } from "../diagnostics/skips.js";
import { text } from "../text.js";

/** The check's counts as the server gives them (after the check and after each fix of rows), as a description list. */
export function Totals({ import: checked }: { import: Import }) {
  const skipped = rowsToSkip(checked);
  const items: [string, number, string, string | null][] = [
    [text.review.totalRows, checked.totalRows, "total", null],
    [text.review.validRows, checked.validRows, "valid", null],
    [text.review.invalidRows, checked.invalidRows, "invalid", null],
    [text.review.warningRows, checked.warningRows, "warnings", null],
    [text.review.skippedRows, skipped, "skipped", skipped > 0 ? text.review.skippedWhy(checked.alreadyInvitedRows, checked.alreadyMemberRows) : null],
  ];
  return (
    <section aria-labelledby="totals-title">
      <h2 id="totals-title" class="visually-hidden">
        {text.review.totals}
      </h2>
      <dl class="totals" data-testid="totals">
        {items.map(([label, value, key, detail]) => (
          <div key={key} data-total={key}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString("en")}</dd>
            {detail && <dd class="detail">{detail}</dd>}
          </div>
        ))}
      </dl>
    </section>
  );
}
