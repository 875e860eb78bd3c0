/**
 * Zones offered for working hours: the machine's, UTC, and the common IANA zones of business
 * hubs (one per offset region, east to west), plus whatever zone is already chosen, so a saved
 * calendar in a rarer zone still shows. Kept short on purpose: a long list is hard to pick from.
 */
export const COMMON_TIME_ZONES = [
  'Pacific/Honolulu',
  'America/Anchorage',
  'America/Los_Angeles',
  'America/Denver',
  'America/Chicago',
  'America/New_York',
  'America/Halifax',
  'America/Sao_Paulo',
  'Atlantic/Azores',
  'Europe/London',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Amsterdam',
  'Europe/Stockholm',
  'Europe/Warsaw',
  'Africa/Johannesburg',
  'Europe/Athens',
  'Europe/Helsinki',
  'Europe/Istanbul',
  'Europe/Moscow',
  'Asia/Dubai',
  'Asia/Karachi',
  'Asia/Kolkata',
  'Asia/Dhaka',
  'Asia/Bangkok',
  'Asia/Singapore',
  'Asia/Shanghai',
  'Asia/Hong_Kong',
  'Asia/Tokyo',
  'Asia/Seoul',
  'Australia/Brisbane',
  'Australia/Sydney',
  'Pacific/Auckland',
];

/** The options of the zone select: machine's zone first, then UTC, then the common ones; no duplicates. */
export function timeZoneOptions(machine: string | null, current: string | undefined): string[] {
  const out: string[] = [];
  for (const zone of [machine, current, 'UTC', ...COMMON_TIME_ZONES]) if (zone && !out.includes(zone)) out.push(zone);
  return out;
}
