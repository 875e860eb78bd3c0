import { EventLogBuilder } from '../../main/engine/eventlog/event-log-builder.ts';
import type { EventLog } from '../../main/engine/eventlog/event-log.ts';
import { OrderToCash, type AnomalyKind } from '../../bench/generator/order-to-cash.ts';

/**
 * The bench generator's order-to-cash log built straight into an EventLog (no file), with the
 * truth of which cases were made anomalous and how. Attributes as in the CSV: `amount` and
 * `region` on every event, `channel` on the case.
 */
export interface GeneratedLog {
  log: EventLog;
  anomalies: Map<string, AnomalyKind>;
}

export function generatedLog(cases: number, seed = 7): GeneratedLog {
  const model = new OrderToCash(seed, cases * 8);
  const builder = new EventLogBuilder();
  const amount = builder.eventAttribute('amount', 'number');
  const region = builder.eventAttribute('region', 'string');
  const channel = builder.caseAttribute('channel', 'string');
  const anomalies = new Map<string, AnomalyKind>();
  let row = 1;
  for (let k = 0; k < cases; k++) {
    const c = model.simulate(k);
    if (c.anomaly) anomalies.set(c.id, c.anomaly);
    for (let i = 0; i < c.activities.length; i++) {
      builder.addEvent(c.id, c.activities[i], c.times[i], c.resources[i], row++);
      builder.setEventAttribute(amount, c.amount, 'number');
      builder.setEventAttribute(region, c.region.name, 'string');
    }
    builder.setCaseAttribute(builder.caseIndex(c.id), channel, c.channel, 'string');
  }
  return { log: builder.finish(), anomalies };
}
