import { has, requirePositional } from '../args.ts';
import { printJson, type Command } from '../command.ts';

const USAGE = 'gemba quality WS [--json]';

const LIGHT = { green: 'GREEN', amber: 'AMBER', red: 'RED' } as const;
const MARK = { error: 'x', warning: '!', info: '-' } as const;

export const qualityCommand: Command = {
  name: 'quality',
  usage: USAGE,
  summary: 'Data-quality report: missing values, duplicates, label variants, bad timestamps, incomplete cases, …',
  valueFlags: [],
  switches: ['json'],
  async run(args, ctx) {
    const report = await ctx.api.qualityReport(requirePositional(args, 0, 'the workspace', USAGE));
    if (has(args, 'json')) {
      printJson(ctx, report);
      return;
    }
    const lines = [
      `health ${LIGHT[report.health]}: ${report.summary.errors} errors, ${report.summary.warnings} warnings, ${report.summary.infos} notes ` +
        `(${report.cases} cases, ${report.events} events, ${report.computedMs} ms)`,
    ];
    for (const check of report.checks) {
      if (!check.applicable) continue;
      const mark = check.count === 0 ? ' ' : MARK[check.severity];
      lines.push(`${mark} ${check.title.padEnd(40)} ${String(check.count).padStart(9)} ${check.unit}`);
      if (check.count > 0) {
        for (const e of check.examples.slice(0, 3))
          lines.push(
            `      ${e.line !== undefined ? `line ${e.line}: ` : ''}${e.caseId !== undefined ? `case ${e.caseId}: ` : ''}${e.detail}`,
          );
        if (check.fix) lines.push(`      fix: ${check.fix.description}`);
      }
    }
    if (report.fixesInForce.length > 0) {
      lines.push('fixes in force:');
      for (const f of report.fixesInForce) lines.push(`  #${f.id} ${f.fix.description} (${f.user}, ${f.appliedAt})`);
    }
    ctx.stdout.write(`${lines.join('\n')}\n`);
  },
};
