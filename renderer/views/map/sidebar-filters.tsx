import { FilterChips } from './filter-bar.tsx';

/** The filters in force, in the sidebar of every view, so nobody reads a filtered figure unawares. */
export function SidebarFilters() {
  return <FilterChips compact />;
}
