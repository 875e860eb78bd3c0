import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { RUNNING_EXAMPLE_CSV } from '../../engine/analysis/logs.fixture.ts';
import { gemba } from '../cli-run.fixture.ts';

const dir = mkdtempSync(join(tmpdir(), 'gemba-map-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('gemba map --of handover', () => {
  it('draws the resource → resource map of the running example', async () => {
    const ws = join(dir, 'ws');
    expect((await gemba('import', RUNNING_EXAMPLE_CSV.pathname, '--workspace', ws, '--json')).code).toBe(0);
    const out = join(dir, 'handover.svg');
    const { code, stdout, stderr } = await gemba('map', ws, '--out', out, '--of', 'handover', '--json');
    expect(stderr).toBe('');
    expect(code).toBe(0);
    // Counted in the CSV: 6 resources (Ellen, Mike, Pete, Sara, Sean, Sue) and 20 distinct
    // directly-following resource pairs within the cases.
    expect(JSON.parse(stdout)).toMatchObject({ of: 'handover', nodes: 6, paths: 20 });
    expect(readFileSync(out, 'utf8')).toContain('Sara');
    const wrong = await gemba('map', ws, '--out', out, '--of', 'people');
    expect(wrong.code).toBe(2);
    expect(wrong.stderr).toContain('--of must be activities or handover');
  });
});
