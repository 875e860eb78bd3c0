/**
 * A label from the log with the spacing that HTML would hide made visible. " Send Invoice",
 * "Send Invoice " and "Check  Credit" render exactly like "Send Invoice" and "Check Credit", so two
 * rows (4,288 and 7 events) look like one activity listed twice. Leading and trailing whitespace and
 * every space beyond the first inside a run show as "␣", tabs as "⇥", line breaks as "↵"; a label
 * with ordinary single spaces is returned as it is.
 */
export function visibleLabel(label: string): string {
  const lead = /^\s*/u.exec(label)![0];
  const rest = label.slice(lead.length);
  const trail = /\s*$/u.exec(rest)![0];
  const middle = rest.slice(0, rest.length - trail.length);
  const mark = (ws: string) =>
    ws
      .replace(/\t/gu, '⇥')
      .replace(/\r?\n|\r/gu, '↵')
      .replace(/[^⇥↵]/gu, '␣');
  const inner = middle.replace(/\s{2,}|[\t\r\n]/gu, (run) => (run[0] === ' ' ? ` ${mark(run.slice(1))}` : mark(run)));
  return `${mark(lead)}${inner}${mark(trail)}`;
}

/** Whether the label has spacing `visibleLabel` marks (for a hint beside it). */
export function hasHiddenSpacing(label: string): boolean {
  return visibleLabel(label) !== label;
}
