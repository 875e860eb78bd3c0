import { useTimeFormat } from '../app/time-format.ts';
import { splitTimes } from './times-in-text.ts';

/** An engine message with its ISO instants shown in the app's time format (UTC on hover). */
export function TextWithTimes({ text }: { text: string }) {
  const times = useTimeFormat();
  return (
    <>
      {splitTimes(text).map((part, i) =>
        'iso' in part ? (
          <time key={i} dateTime={part.iso} title={times.title(part.iso)}>
            {times.timestamp(part.iso)}
          </time>
        ) : (
          <span key={i}>{part.text}</span>
        ),
      )}
    </>
  );
}
