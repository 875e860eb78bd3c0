/**
 * A small dirty log for the data-quality tests (CLI and e2e): ten clean cases Receive → Check →
 * Ship, then case 11 with the variant label RECEIVE, case 12 with its Check row written twice,
 * and case 13 with the timestamp "TBD" on its Check row. Worked out by hand: 40 data rows
 * (lines 2-41), 1 rejected (line 40), 39 events, 4 activity labels (3 after merging RECEIVE), one
 * duplicate, one variant-label event, one unparseable timestamp (2.5% of rows: red).
 */
export function dirtyCsv(): string {
  const rows = ['case,activity,time,resource'];
  const t = (c: number, h: number) => `2024-01-${String(c).padStart(2, '0')}T${String(8 + h).padStart(2, '0')}:00:00Z`;
  for (let c = 1; c <= 10; c++)
    rows.push(`${c},Receive,${t(c, 0)},ann`, `${c},Check,${t(c, 1)},bob`, `${c},Ship,${t(c, 2)},cy`);
  rows.push(`11,RECEIVE,${t(11, 0)},ann`, `11,Check,${t(11, 1)},bob`, `11,Ship,${t(11, 2)},cy`);
  rows.push(
    `12,Receive,${t(12, 0)},ann`,
    `12,Check,${t(12, 1)},bob`,
    `12,Check,${t(12, 1)},bob`,
    `12,Ship,${t(12, 2)},cy`,
  );
  rows.push(`13,Receive,${t(13, 0)},ann`, `13,Check,TBD,bob`, `13,Ship,${t(13, 2)},cy`);
  return `${rows.join('\n')}\n`;
}
