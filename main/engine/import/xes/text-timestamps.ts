import type { AttributeType } from '../../../../preload/api.ts';
import type { AttributeHandle, RawValue } from '../../eventlog/index.ts';
import { inferStringTimestampFormat, type StringTimestampFormat } from './string-timestamps.ts';

/** Events held back at most while the format of text timestamps is not yet known. */
const DEFERRED_EVENT_LIMIT = 1000;
/** Text timestamps sampled to infer their format. */
const STRING_TIMESTAMP_SAMPLES = 200;

/** An event read while the format of text timestamps was still unknown, kept to be added later. */
export interface DeferredEvent {
  caseId: string;
  activity: string;
  timestampText: string | null;
  timestamp: number;
  resource: string | null;
  line: number;
  reject: string | null;
  handles: AttributeHandle[];
  values: RawValue[];
  types: AttributeType[];
}

/** Adds a held-back event once its timestamp is known (`reject` set: it is a rejected row instead). */
export type ReplayEvent = (event: DeferredEvent, timestamp: number, reject: string | null) => void;

export function clip(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

/**
 * `time:timestamp` written as text (a `<string>`, as some exporters do): the format is inferred
 * once from the first values, as for a CSV column, and applied to all. Until it is known, every
 * event (not only those with text timestamps, so that file order is kept) is held back, at most
 * DEFERRED_EVENT_LIMIT of them, and replayed in order when the format settles.
 */
export class TextTimestamps {
  private settled = false;
  private format: StringTimestampFormat | null = null;
  private held: DeferredEvent[] | null = null;
  private readonly samples: string[] = [];
  /** Events whose timestamp is text. */
  count = 0;

  constructor(
    /** The zone for times without an offset, asked for only when the format needs one. */
    private readonly zone: () => string,
    private readonly replay: ReplayEvent,
  ) {}

  /** True while events are being held back (from the first text timestamp until the format settles). */
  get holding(): boolean {
    return this.held !== null;
  }

  /** The instant of a text timestamp of an otherwise accepted event; NaN while the format is unknown (hold the event). */
  read(text: string): number {
    this.count++;
    if (this.settled) return this.parse(text);
    if (this.samples.length < STRING_TIMESTAMP_SAMPLES) this.samples.push(text);
    this.held ??= [];
    return NaN;
  }

  /** Holds an event back; settles the format once enough samples or events are in. */
  hold(event: DeferredEvent): void {
    this.held!.push(event);
    if (this.held!.length >= DEFERRED_EVENT_LIMIT || this.samples.length >= STRING_TIMESTAMP_SAMPLES) this.settle();
  }

  /** Why a text timestamp was not read, in the user's words. */
  reason(text: string): string {
    return this.format === null
      ? `time:timestamp "${clip(text)}" is text in no date format Gemba recognises`
      : `time:timestamp "${clip(text)}" does not match the format of the file's other timestamps (${this.format.label})`;
  }

  /** Infers the format from the samples and replays the held-back events, in file order. */
  settle(): void {
    if (this.settled) return;
    this.settled = true;
    this.format = this.samples.length === 0 ? null : inferStringTimestampFormat(this.samples, this.zone());
    const held = this.held ?? [];
    this.held = null;
    for (const e of held) {
      let reject = e.reject;
      let timestamp = e.timestamp;
      if (reject === null && e.timestampText !== null) {
        timestamp = this.parse(e.timestampText);
        if (Number.isNaN(timestamp)) reject = this.reason(e.timestampText);
      }
      this.replay(e, timestamp, reject);
    }
  }

  notes(): string[] {
    if (this.count === 0) return [];
    const format = this.format;
    const notes = [
      format === null
        ? `time:timestamp is stored as text in ${this.count} events, in no date format Gemba recognises.`
        : `time:timestamp is stored as text in ${this.count} events; read as ${format.label}` +
          (format.hasOffset ? '.' : ` in time zone ${this.zone()}.`),
    ];
    if (format?.note) notes.push(format.note);
    return notes;
  }

  private parse(text: string): number {
    return this.format === null ? NaN : this.format.parse(text);
  }
}
