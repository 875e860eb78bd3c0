import { describe, expect, it } from 'vitest';
import { InputError } from '../engine/errors.ts';
import { checkCallArguments } from './call-arguments.ts';

describe('checkCallArguments', () => {
  it('passes well-formed calls and normalises their filters', () => {
    const [ws, filters] = checkCallArguments('statistics', [
      '/w',
      [{ kind: 'activities', activities: ['A'], mode: 'any' }],
    ]);
    expect(ws).toBe('/w');
    expect(filters).toEqual([{ kind: 'activities', activities: ['A'], mode: 'any' }]);
    expect(checkCallArguments('statistics', ['/w'])).toEqual(['/w', undefined, undefined]);
    expect(checkCallArguments('statistics', ['/w', [], 'Europe/Berlin'])).toEqual(['/w', [], 'Europe/Berlin']); // events per day by the display zone's days
    expect(checkCallArguments('cases', ['/w', { offset: 0, limit: 50, sort: 'end' }])[1]).toMatchObject({
      offset: 0,
      limit: 50,
      sort: 'end',
    });
    // directlyFollows takes what the CLI's dfg takes: filters and a calendar, both optional.
    expect(checkCallArguments('directlyFollows', ['/w'])).toEqual(['/w', undefined]);
    const [, request] = checkCallArguments('directlyFollows', [
      '/w',
      { filters: [{ kind: 'activities', activities: ['A'], mode: 'any' }] },
    ]);
    expect(request).toMatchObject({ filters: [{ kind: 'activities', activities: ['A'], mode: 'any' }] });
  });

  it.each([
    [
      'filters that are not a list',
      'statistics',
      ['/w', { kind: 'activities', activities: ['A'], mode: 'any' }],
      /must be a list of filters/,
    ],
    ['a filter without its activities', 'variantList', ['/w', [{ kind: 'activities', mode: 'any' }]], /activities/],
    [
      'a duration bound that is text',
      'statistics',
      ['/w', [{ kind: 'caseDuration', minSeconds: 'abc' }]],
      /minSeconds|number/,
    ],
    ['a case query without offset', 'cases', ['/w', {}], /offset must be a whole number/],
    ['a limit that is text', 'rejectedRows', ['/w', 1, 'abc'], /argument 3 must be a whole number/],
    ['a missing map request', 'processMap', ['/w', null], /must be an object/],
    [
      'a slider out of range',
      'processMap',
      ['/w', { activities: 2, paths: 0.5, view: 'frequency' }],
      /activities must be a number from 0 to 1/,
    ],
    ['a selection without element', 'mapSelection', ['/w', { activities: 1 }], /element must be an activity or a path/],
    ['a workspace that is a number', 'openWorkspace', [5], /must be a non-empty text/],
    ['a file reference of another kind', 'previewCsv', [{ kind: 'url', url: 'http://x' }], /file reference/],
    ['too many arguments', 'caseDetail', ['/w', 1, 2], /at most 2 arguments/],
    [
      'a statistics table by something else',
      'statisticsTable',
      ['/w', { by: 'colour' }],
      /by must be one of activity, resource, attribute/,
    ],
    [
      'a variant coverage above 100%',
      'variantList',
      ['/w', [{ kind: 'variantCoverage', coverage: 80 }]],
      /"coverage" must be a share/,
    ],
    [
      'a handover map with a slider out of range',
      'handoverMap',
      ['/w', { activities: 1, paths: -1, view: 'frequency' }],
      /paths must be a number from 0 to 1/,
    ],
    ['a replay without its activities', 'replayPaths', ['/w', { filters: [] }], /activities must be a list of texts/],
    [
      'a segment without a label',
      'compareSegments',
      [
        '/w',
        { a: { filters: [] }, b: { label: 'B', filters: [] }, map: { activities: 1, paths: 1, view: 'frequency' } },
      ],
      /a\.label must be a non-empty text/,
    ],
    [
      'a segment whose filters are not a list',
      'compareSegments',
      [
        '/w',
        {
          a: { label: 'A', filters: {} },
          b: { label: 'B', filters: [] },
          map: { activities: 1, paths: 1, view: 'frequency' },
        },
      ],
      /a\.filters must be a list of filters/,
    ],
    [
      'directly-follows filters that are not a list',
      'directlyFollows',
      ['/w', { filters: { kind: 'activities' } }],
      /argument 2\.filters must be a list of filters/,
    ],
    [
      'a directly-follows request that is not an object',
      'directlyFollows',
      ['/w', 'all'],
      /argument 2 must be an object/,
    ],
    ['a workspace to close that is empty', 'closeWorkspace', ['  '], /must be a non-empty text/],
    ['an argument the call does not take', 'jobs', ['/w'], /at most 0 arguments/],
    ['a whole number beyond the safe integers', 'findings', ['/w', { top: 1e300 }], /top must be a whole number/],
    [
      'an index beyond the safe integers',
      'chartPointCases',
      ['/w', { measure: 'm' }, 2 ** 60],
      /argument 3 must be a whole number/,
    ],
    [
      'more points left out than a call takes',
      'controlChart',
      ['/w', { measure: 'm', exclude: Array.from({ length: 10_001 }, (_, i) => i) }],
      /exclude has 10001 point numbers, more than the 10,000/,
    ],
    [
      'more phases than a call takes',
      'chartPointCases',
      ['/w', { measure: 'm', phases: new Array<number>(200_000).fill(1) }, 0],
      /phases has 200000 point numbers/,
    ],
    [
      'more tests than a call takes',
      'controlChart',
      ['/w', { measure: 'm', rules: new Array<number>(10_001).fill(1) }],
      /rules has 10001 test numbers/,
    ],
    [
      'more replay activities than a call takes',
      'replayPaths',
      ['/w', { activities: new Array<string>(10_001).fill('A') }],
      /activities has 10001 texts/,
    ],
    [
      'a KPI board in a zone that is none',
      'kpis',
      ['/w', { timeZone: 'Mars/Olympus' }],
      /timeZone "Mars\/Olympus" is not a time zone/,
    ],
    [
      'a control chart in a zone that is none',
      'controlChart',
      ['/w', { measure: 'm', timeZone: 'not a zone' }],
      /is not a time zone/,
    ],
    [
      'statistics in a zone that is none',
      'statistics',
      ['/w', [], 'Europe/Nowhere'],
      /argument 3 "Europe\/Nowhere" is not a time zone/,
    ],
    ['unusual events of no case', 'unusualEvents', ['/w', { case: '' }], /argument 2\.case must be a non-empty text/],
    ['unusual events, none of them', 'unusualEvents', ['/w', { top: 0 }], /argument 2\.top must be a whole number ≥ 1/],
    [
      'a percentile range upside down',
      'statistics',
      ['/w', [{ kind: 'performance', measure: 'duration', fromPercentile: 90, toPercentile: 10 }]],
      /must not exceed/,
    ],
  ])('refuses %s with an InputError naming it', (_what, method, args, message) => {
    const call = () => checkCallArguments(method as never, args as unknown[]);
    expect(call).toThrow(InputError);
    expect(call).toThrow(message as RegExp);
  });

  it('takes lists up to the bound', () => {
    const exclude = Array.from({ length: 10_000 }, (_, i) => i);
    expect(
      (checkCallArguments('controlChart', ['/w', { measure: 'm', exclude }])[1] as { exclude: number[] }).exclude,
    ).toHaveLength(10_000);
  });
});
