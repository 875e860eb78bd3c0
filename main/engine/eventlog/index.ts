/** The event log in columns: EventLog and its builder, dictionaries, lifecycle pairing, compaction. */
export type { CaseMask } from './case-mask.ts';
export type { EventLog, AttributeColumn, StringAttributeColumn, NumericAttributeColumn } from './event-log.ts';
export { EventLogBuilder, MAX_ATTRIBUTE_COLUMNS } from './event-log-builder.ts';
export type { AttributeHandle, BuilderPart } from './event-log-builder.ts';
export { partBuffers } from './builder-part-buffers.ts';
export type { BuilderPartColumn, RawValue } from './attribute-column-builder.ts';
export { compactLog } from './compact-log.ts';
export { LIFECYCLE_ATTRIBUTE, pairLifecycleTransitions } from './pair-lifecycle.ts';
