import type { EventLog } from '../eventlog/event-log.ts';
import { logFromTraces, type TestEvent } from '../analysis/logs.fixture.ts';

/**
 * A six-case log for the KPI tests, every value worked out by hand in measures.test.ts.
 * Times are hours after Monday 2024-01-01 00:00 UTC; week 1 is hours 0–167, week 2 from 168.
 *
 *   A  Receive@0 r1, Check@2 r2, Approve@5 r2 (started @4), Close@6 r3           web
 *   B  Receive@24 r1, Check@26 r2, Check@30 r2 (outcome=scrap), Close@34 r3       phone
 *   C  Receive@48 r1, Escalate@50 r4, Check@53 r2, Close@60 r3                    web
 *   D  Receive@150 r1, Reject@160 r4 (Sunday), Close@170 r3 (Monday of week 2)    phone
 *   E  Receive@170 r1, Check@172 r1, Escalate@180 r4, Escalate@181 r4, Close@190 r3  web
 *   F  Receive@190 r1, Check@195 r2 — still running (no Close)                    web
 */
const at = (activity: string, hour: number, resource: string, extra: Partial<TestEvent> = {}): TestEvent => ({
  activity,
  at: hour * 60,
  resource,
  ...extra,
});

export function measuresLog(): EventLog {
  return logFromTraces(
    {
      A: [
        at('Receive', 0, 'r1'),
        at('Check', 2, 'r2'),
        at('Approve', 5, 'r2', { startAt: 4 * 60 }),
        at('Close', 6, 'r3'),
      ],
      B: [
        at('Receive', 24, 'r1'),
        at('Check', 26, 'r2'),
        at('Check', 30, 'r2', { attributes: { outcome: 'scrap' } }),
        at('Close', 34, 'r3'),
      ],
      C: [at('Receive', 48, 'r1'), at('Escalate', 50, 'r4'), at('Check', 53, 'r2'), at('Close', 60, 'r3')],
      D: [at('Receive', 150, 'r1'), at('Reject', 160, 'r4'), at('Close', 170, 'r3')],
      E: [
        at('Receive', 170, 'r1'),
        at('Check', 172, 'r1'),
        at('Escalate', 180, 'r4'),
        at('Escalate', 181, 'r4'),
        at('Close', 190, 'r3'),
      ],
      F: [at('Receive', 190, 'r1'), at('Check', 195, 'r2')],
    },
    {
      A: { channel: 'web' },
      B: { channel: 'phone' },
      C: { channel: 'web' },
      D: { channel: 'phone' },
      E: { channel: 'web' },
      F: { channel: 'web' },
    },
  );
}

/** Four events in two departments: one hand-off between departments, S → F, waiting 2 hours. */
export function departmentsLog(): EventLog {
  return logFromTraces({
    X: [
      at('a', 0, 'p1', { attributes: { dept: 'S' } }),
      at('b', 1, 'p2', { attributes: { dept: 'S' } }),
      at('c', 3, 'p3', { attributes: { dept: 'F' } }),
      at('d', 6, 'p4', { attributes: { dept: 'F' } }),
    ],
  });
}
