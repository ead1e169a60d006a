import { text } from "../text.js";

/** The check's counts, as a description list. */
export function Totals(props: { total: number; valid: number; invalid: number; warnings: number; skipped: number }) {
  const items: [string, number, string][] = [
    [text.review.totalRows, props.total, "total"],
    [text.review.validRows, props.valid, "valid"],
    [text.review.invalidRows, props.invalid, "invalid"],
    [text.review.warningRows, props.warnings, "warnings"],
    [text.review.skippedRows, props.skipped, "skipped"],
  ];
  return (
    <section aria-labelledby="totals-title">
      <h2 id="totals-title" class="visually-hidden">
        {text.review.totals}
      </h2>
      <dl class="totals">
        {items.map(([label, value, key]) => (
          <div key={key} data-total={key}>
            <dt>{label}</dt>
            <dd>{value.toLocaleString("en")}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
