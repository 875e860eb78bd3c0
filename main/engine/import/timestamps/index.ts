/** Timestamp formats: inference from sample values and fast per-format parsers. */
export { inferTimestampFormat } from './infer-timestamp-format.ts';
export {
  timestampParser,
  timestampBytesParser,
  resolveTimestampFormatId,
  knownTimestampFormats,
  type TimestampBytesParser,
  type TimestampTextParser,
} from './timestamp-parser.ts';
export { machineTimeZone, isValidTimeZone, wallClockResolver, zoneOffsetAt } from './time-zone.ts';
export { daysFromCivil, wallClockMs } from './civil-time.ts';
