/** Which pages of `pageSize` rows cover the rows first..last (inclusive), clipped to total. */
export function pagesCovering(first: number, last: number, pageSize: number, total: number): number[] {
  if (total <= 0 || last < first) return [];
  const from = Math.max(0, Math.floor(first / pageSize));
  const to = Math.floor(Math.min(last, total - 1) / pageSize);
  const pages: number[] = [];
  for (let page = from; page <= to; page++) pages.push(page);
  return pages;
}
