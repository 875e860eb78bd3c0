/**
 * What the user typed in "New workspace" as a path: a bare name goes into the default workspace
 * folder; anything that already looks like a path is taken as it is.
 */
export function workspacePathFor(input: string, defaultDir: string): string {
  const text = input.trim();
  if (text === '') return '';
  const looksLikePath = /[\\/]/.test(text) || /^[A-Za-z]:/.test(text) || text.startsWith('~');
  if (looksLikePath) return text;
  const separator = defaultDir.includes('\\') && !defaultDir.includes('/') ? '\\' : '/';
  const dir = defaultDir.endsWith(separator) ? defaultDir.slice(0, -1) : defaultDir;
  return `${dir}${separator}${text}`;
}
