const STEP_CHARS = 24;

/** A long activity name cut at a word within 24 characters, so a variant's sequence stays compact. */
export function shortStep(name: string, chars = STEP_CHARS): string {
  if (name.length <= chars) return name;
  const cut = name.lastIndexOf(' ', chars - 1);
  return `${name.slice(0, cut > 8 ? cut : chars - 1)}…`;
}
