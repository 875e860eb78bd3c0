/**
 * An order-to-cash log from the bench generator (seasonal load on), built in memory and
 * optionally cut at an instant "while work is in progress": events after the cut are dropped,
 * and the true end of every case that was still running is kept aside to score predictions.
 */
import { END_ACTIVITY, OrderToCash } from '../../bench/generator/order-to-cash.ts';
import type { EventLog } from '../../main/engine/eventlog/event-log.ts';
import { EventLogBuilder } from '../../main/engine/eventlog/event-log-builder.ts';

export interface GeneratedLog {
  log: EventLog;
  /** Case id → completion of its last event in the uncut log (epoch ms). */
  trueEnd: Map<string, number>;
  cutAt: number;
  endActivity: string;
  /** Case id → the anomaly injected into it (the generator's truth). */
  anomalies: Map<string, string>;
}

export function generatedLog(
  cases: number,
  options: { seed?: number; cutAtShare?: number; load?: boolean } = {},
): GeneratedLog {
  const model = new OrderToCash(options.seed ?? 11, cases * 8, { load: options.load ?? true });
  const simulated = Array.from({ length: cases }, (_, i) => model.simulate(i));
  const first = simulated[0].times[0];
  const last = simulated[cases - 1].times[0];
  const cutAt = options.cutAtShare === undefined ? Infinity : first + options.cutAtShare * (last - first);
  const builder = new EventLogBuilder();
  const amount = builder.eventAttribute('amount', 'number');
  const region = builder.eventAttribute('region', 'string');
  const channel = builder.caseAttribute('channel', 'string');
  const trueEnd = new Map<string, number>();
  const anomalies = new Map<string, string>();
  let row = 1;
  for (const c of simulated) {
    if (c.times[0] > cutAt) continue;
    trueEnd.set(c.id, c.times[c.times.length - 1]);
    if (c.anomaly) anomalies.set(c.id, c.anomaly);
    for (let i = 0; i < c.activities.length && c.times[i] <= cutAt; i++) {
      builder.addEvent(c.id, c.activities[i], c.times[i], c.resources[i], row++);
      builder.setEventAttribute(amount, c.amount, 'number');
      builder.setEventAttribute(region, c.region.name, 'string');
    }
    builder.setCaseAttribute(builder.caseIndex(c.id), channel, c.channel, 'string');
  }
  return { log: builder.finish(), trueEnd, cutAt, endActivity: END_ACTIVITY, anomalies };
}
