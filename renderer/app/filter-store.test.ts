import { beforeEach, describe, expect, it } from 'vitest';
import type { LogFilter } from '../../preload/api.ts';
import {
  addFilter,
  currentFilters,
  redoFilters,
  removeFilter,
  resumeFiltersForLog,
  setFilters,
  startFiltersForLog,
  toggleNegate,
  undoFilters,
} from './filter-store.ts';
import { MemoryStorage } from '../test-support/memory-storage.fixture.ts';

const twoVariants: LogFilter = {
  kind: 'variants',
  variants: [
    ['register request', 'decide'],
    ['register request', 'reject request'],
  ],
};
const absent: LogFilter = { kind: 'activities', activities: ['pay compensation'], mode: 'none' };

describe('filter store', () => {
  beforeEach(() => {
    (globalThis as { sessionStorage?: unknown }).sessionStorage = new MemoryStorage();
  });

  it('starts empty after a new import and does not bring back the filters of the old log', () => {
    startFiltersForLog('/ws/a', 1);
    addFilter(twoVariants);
    expect(currentFilters()).toEqual([twoVariants]);
    startFiltersForLog('/ws/a', 2); // import receipt.xes
    expect(currentFilters()).toEqual([]);
    resumeFiltersForLog('/ws/a', 2); // reload of the window
    expect(currentFilters()).toEqual([]);
  });

  it('keeps the filters over a reload when the log is still the one they were made on', () => {
    startFiltersForLog('/ws/b', 7);
    addFilter(absent);
    startFiltersForLog('/ws/c', 1); // another workspace
    expect(currentFilters()).toEqual([]);
    resumeFiltersForLog('/ws/b', 7);
    expect(currentFilters()).toEqual([absent]);
  });

  it('drops saved filters on reload when another window changed the log meanwhile', () => {
    startFiltersForLog('/ws/d', 3);
    addFilter(absent);
    resumeFiltersForLog('/ws/d', 4);
    expect(currentFilters()).toEqual([]);
    resumeFiltersForLog('/ws/d', 3); // the saved entry now belongs to import 4 and is empty
    expect(currentFilters()).toEqual([]);
  });

  it('undoes and redoes each filter change in turn, and a new change drops what was undone', () => {
    startFiltersForLog('/ws/e', 1);
    addFilter(twoVariants);
    addFilter(absent);
    toggleNegate(1);
    expect(currentFilters()).toEqual([twoVariants, { ...absent, negate: true }]);
    expect(undoFilters()).toBe(true);
    expect(currentFilters()).toEqual([twoVariants, absent]);
    expect(undoFilters()).toBe(true);
    expect(currentFilters()).toEqual([twoVariants]);
    expect(redoFilters()).toBe(true);
    expect(currentFilters()).toEqual([twoVariants, absent]);
    removeFilter(0);
    expect(currentFilters()).toEqual([absent]);
    expect(redoFilters()).toBe(false);
    setFilters([]);
    expect(undoFilters()).toBe(true);
    expect(currentFilters()).toEqual([absent]);
  });

  it('starts a fresh history with a new log: nothing of the old log can be undone into it', () => {
    startFiltersForLog('/ws/f', 1);
    addFilter(absent);
    startFiltersForLog('/ws/f', 2);
    expect(undoFilters()).toBe(false);
    expect(currentFilters()).toEqual([]);
  });
});
