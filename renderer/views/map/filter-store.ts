// The filter store is app-wide state and lives in renderer/app/filter-store.ts; this re-export
// keeps map views that still import it from here working.
export * from '../../app/filter-store.ts';
