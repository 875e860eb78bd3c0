interface TabButtonsProps<K extends string> {
  /** What the tabs choose, for screen readers ("Pareto of"). */
  label: string;
  /** The tabs in order, each with its words. */
  tabs: Record<K, string>;
  current: K;
  onChoose(tab: K): void;
  /** Each tab's test id is this prefix and its key. */
  testIdPrefix: string;
  /** Why a tab cannot be chosen now (it is then disabled with that as its title), or undefined. */
  unavailable?(tab: K): string | undefined;
}

/** A row of buttons of which one is chosen: which table or chart a view shows. */
export function TabButtons<K extends string>({
  label,
  tabs,
  current,
  onChoose,
  testIdPrefix,
  unavailable,
}: TabButtonsProps<K>) {
  return (
    <div role="tablist" aria-label={label} className="button-row">
      {(Object.keys(tabs) as K[]).map((key) => {
        const why = unavailable?.(key);
        return (
          <button
            key={key}
            type="button"
            role="tab"
            aria-selected={current === key}
            className={current === key ? 'primary' : undefined}
            data-testid={`${testIdPrefix}${key}`}
            disabled={why !== undefined}
            title={why}
            onClick={() => onChoose(key)}
          >
            {tabs[key]}
          </button>
        );
      })}
    </div>
  );
}
