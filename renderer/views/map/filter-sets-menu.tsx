import { useState } from 'react';
import type { LogFilter } from '../../../preload/api.ts';
import { deleteFilterSet, filterSets, saveFilterSet, type FilterSet } from '../../app/filter-sets.ts';
import { setFilters } from '../../app/filter-store.ts';

/** Saved filter sets of the workspace: apply one (one undoable step), save the stack in force, delete. */
export function FilterSetsMenu({ workspace, filters }: { workspace: string; filters: LogFilter[] }) {
  const [revision, setRevision] = useState(0);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const sets = filterSets(workspace);
  void revision; // re-read the sets after a save or delete

  const save = () => {
    try {
      saveFilterSet(workspace, name, filters);
      setNaming(false);
      setName('');
      setProblem(null);
      setRevision((r) => r + 1);
    } catch (caught) {
      setProblem(caught instanceof Error ? caught.message : String(caught));
    }
  };

  return (
    <span className="filter-sets" data-testid="filter-sets">
      {sets.length > 0 ? (
        <SetPicker
          label="Apply a saved filter set"
          testId="filter-set-apply"
          prompt="Saved sets…"
          sets={sets}
          text={(s) => `${s.name} (${s.filters.length})`}
          onPick={(set) => setFilters(set.filters)}
        />
      ) : null}
      {naming ? (
        <form
          className="filter-set-form"
          onSubmit={(e) => {
            e.preventDefault();
            save();
          }}
          onKeyDown={(e) => {
            if (e.key === 'Escape') setNaming(false);
          }}
        >
          <input
            autoFocus
            type="text"
            size={14}
            placeholder="Name of the set"
            value={name}
            data-testid="filter-set-name"
            onChange={(e) => setName(e.target.value)}
            aria-label="Name of the filter set"
          />
          <button type="submit" className="small-button" data-testid="filter-set-save">
            Save
          </button>
          {sets.some((s) => s.name === name.trim()) ? (
            <span className="muted small">replaces the set of that name</span>
          ) : null}
          {problem ? <span className="muted small">{problem}</span> : null}
        </form>
      ) : filters.length > 0 ? (
        <button
          type="button"
          className="link-button small"
          data-testid="filter-set-new"
          onClick={() => setNaming(true)}
        >
          Save set…
        </button>
      ) : null}
      {sets.length > 0 ? (
        <SetPicker
          label="Delete a saved filter set"
          testId="filter-set-delete"
          prompt="Delete a set…"
          sets={sets}
          text={(s) => s.name}
          onPick={(set) => {
            deleteFilterSet(workspace, set.name);
            setRevision((r) => r + 1);
          }}
        />
      ) : null}
    </span>
  );
}

/** A menu that acts on the set picked and shows its prompt again (value ''): apply or delete. */
function SetPicker({
  label,
  testId,
  prompt,
  sets,
  text,
  onPick,
}: {
  label: string;
  testId: string;
  prompt: string;
  sets: FilterSet[];
  text(set: FilterSet): string;
  onPick(set: FilterSet): void;
}) {
  return (
    <select
      value=""
      aria-label={label}
      data-testid={testId}
      onChange={(e) => {
        const set = sets.find((s) => s.name === e.target.value);
        if (set) onPick(set);
      }}
    >
      <option value="">{prompt}</option>
      {sets.map((s) => (
        <option key={s.name} value={s.name}>
          {text(s)}
        </option>
      ))}
    </select>
  );
}
