import { useMemo } from 'react';
import type { AttributeType, CsvPreview } from '../../../preload/api.ts';
import { formatBytes, formatCount, formatPercent } from '../../components/format.ts';
import { mappedColumns, NUMBER_FORMATS, numberFormatLabel, type MappingDraft } from './mapping-draft.ts';
import { TimeZoneSelect } from './time-zone-select.tsx';
import { timestampFormatOptions } from './timestamp-formats.ts';

const DELIMITER_NAMES: Record<string, string> = { ',': 'comma', ';': 'semicolon', '\t': 'tab', '|': 'pipe' };
const TYPES: AttributeType[] = ['string', 'number', 'date', 'boolean'];

type RoleKey = 'case' | 'activity' | 'timestamp' | 'resource' | 'startTimestamp';
const ROLES: { key: RoleKey; label: string; required: boolean }[] = [
  { key: 'case', label: 'Case id', required: true },
  { key: 'activity', label: 'Activity', required: true },
  { key: 'timestamp', label: 'Timestamp', required: true },
  { key: 'resource', label: 'Resource', required: false },
  { key: 'startTimestamp', label: 'Start timestamp', required: false },
];

/** The CSV half of the import screen: what was detected, the first rows, and the column mapping. */
export function CsvMapping({
  preview,
  draft,
  onChange,
  machineZone,
}: {
  preview: CsvPreview;
  draft: MappingDraft;
  onChange: (draft: MappingDraft) => void;
  machineZone: string;
}) {
  const formats = useMemo(() => timestampFormatOptions(preview), [preview]);
  const used = mappedColumns(draft);
  const timestampColumn = preview.columns.find((c) => c.name === draft.timestamp);
  const inferred = timestampColumn?.timestampFormat;
  const attributeColumns = preview.columns.filter((c) => !used.has(c.name));

  function set<K extends keyof MappingDraft>(key: K, value: MappingDraft[K]) {
    onChange({ ...draft, [key]: value });
  }

  return (
    <div className="csv-mapping">
      <section className="panel" data-testid="csv-detection">
        <h2>What Gemba detected</h2>
        <dl className="facts facts-inline">
          <dt>File</dt>
          <dd data-testid="preview-file">
            {preview.fileName} ({formatBytes(preview.fileSize)})
          </dd>
          <dt>Delimiter</dt>
          <dd data-testid="preview-delimiter">
            {DELIMITER_NAMES[preview.delimiter] ?? JSON.stringify(preview.delimiter)}
          </dd>
          <dt>Encoding</dt>
          <dd data-testid="preview-encoding">
            {preview.encoding === 'utf-8' ? 'UTF-8' : 'Latin-1'}
            {preview.hasBom ? ' with BOM' : ''}
          </dd>
          <dt>Quote</dt>
          <dd>{preview.quote}</dd>
          <dt>Timestamp format</dt>
          <dd data-testid="preview-timestamp-format">
            {inferred
              ? `${inferred.label} (${formatPercent(inferred.parsedShare, 0)} of sampled values)`
              : 'not detected'}
          </dd>
        </dl>
        {preview.notes.length > 0 || inferred?.note ? (
          <ul className="notes" data-testid="preview-notes">
            {preview.notes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
            {inferred?.note && !preview.notes.includes(inferred.note) ? <li>{inferred.note}</li> : null}
          </ul>
        ) : null}
      </section>

      <section className="panel">
        <h2>Column mapping</h2>
        <div className="mapping-grid">
          {ROLES.map((role) => (
            <label key={role.key} className="field">
              <span className="field-label">
                {role.label}
                {role.required ? (
                  <span className="required" aria-hidden="true">
                    {' '}
                    *
                  </span>
                ) : (
                  <span className="muted"> (optional)</span>
                )}
              </span>
              <select
                value={draft[role.key]}
                required={role.required}
                data-testid={`map-${role.key}`}
                onChange={(e) => set(role.key, e.target.value)}
              >
                <option value="">{role.required ? 'Choose a column…' : '— none —'}</option>
                {preview.header.map((name) => (
                  <option key={name} value={name}>
                    {name}
                  </option>
                ))}
              </select>
            </label>
          ))}
          <label className="field field-wide">
            <span className="field-label">Timestamp format</span>
            <select
              value={draft.timestampFormat}
              data-testid="map-timestamp-format"
              onChange={(e) => set('timestampFormat', e.target.value)}
            >
              <option value="">Inferred{inferred ? `: ${inferred.label}` : ''}</option>
              {formats.map((f) => (
                <option key={f.id} value={f.id}>
                  {f.label}
                </option>
              ))}
            </select>
          </label>
          <label className="field">
            <span className="field-label">Time zone</span>
            <TimeZoneSelect
              value={draft.timezone}
              onChange={(zone) => set('timezone', zone)}
              machineZone={machineZone}
              testId="map-timezone"
            />
            <span className="muted small">
              {inferred?.hasOffset
                ? 'The detected values carry their own offset; the zone applies only to values without one.'
                : 'For timestamps without an offset.'}
            </span>
          </label>
        </div>

        <h3>Attributes</h3>
        {attributeColumns.length === 0 ? (
          <p className="muted">Every column is mapped above.</p>
        ) : (
          <table className="data-table compact attribute-table" data-testid="attribute-columns">
            <thead>
              <tr>
                <th>Keep</th>
                <th>Column</th>
                <th>Type</th>
                <th className="num">Empty</th>
                <th className="num">Distinct</th>
                <th>Sample</th>
              </tr>
            </thead>
            <tbody>
              {attributeColumns.map((column) => {
                const choice = draft.attributes[column.name] ?? { keep: true, type: column.inferredType };
                const update = (next: Partial<typeof choice>) =>
                  set('attributes', { ...draft.attributes, [column.name]: { ...choice, ...next } });
                return (
                  <tr key={column.name}>
                    <td>
                      <input
                        type="checkbox"
                        checked={choice.keep}
                        aria-label={`Keep ${column.name}`}
                        onChange={(e) => update({ keep: e.target.checked })}
                      />
                    </td>
                    <td>{column.name}</td>
                    <td>
                      <select
                        value={choice.type}
                        aria-label={`Type of ${column.name}`}
                        onChange={(e) => update({ type: e.target.value as AttributeType })}
                      >
                        {TYPES.map((t) => (
                          <option key={t} value={t}>
                            {t}
                            {t === column.inferredType ? ' (inferred)' : ''}
                          </option>
                        ))}
                      </select>
                      {choice.type === 'number' ? (
                        <select
                          value={choice.numberFormat ? (numberFormatLabel(choice.numberFormat) ?? '') : ''}
                          aria-label={`How ${column.name} writes numbers`}
                          title="The decimal mark and thousands separator of this column; a value that still cannot be read is a rejected row"
                          data-testid={`number-format-${column.name}`}
                          onChange={(e) =>
                            update({ numberFormat: NUMBER_FORMATS.find((f) => f.label === e.target.value)?.format })
                          }
                        >
                          <option value="">
                            as detected{column.numberFormat ? ` (${numberFormatLabel(column.numberFormat)})` : ''}
                          </option>
                          {NUMBER_FORMATS.map((f) => (
                            <option key={f.label} value={f.label}>
                              {f.label}
                            </option>
                          ))}
                        </select>
                      ) : null}
                    </td>
                    <td className="num">{column.emptyCount}</td>
                    <td
                      className="num"
                      title={column.distinctCapped ? 'Counted in the first rows only; the file has more.' : undefined}
                    >
                      {column.distinctCapped ? '≥ ' : ''}
                      {formatCount(column.distinctCount)}
                    </td>
                    <td className="muted truncate" title={column.sample.join(' · ')}>
                      {column.sample.slice(0, 3).join(' · ')}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        )}
      </section>
      <section className="panel">
        <h2>First rows</h2>
        <div className="table-scroll preview-scroll">
          <table className="data-table compact" data-testid="preview-table">
            <thead>
              <tr>
                <th className="num">#</th>
                {preview.header.map((name, i) => (
                  <th key={i} className={used.has(name) ? 'col-mapped' : undefined}>
                    {name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {preview.rows.map((row, r) => (
                <tr key={r}>
                  <td className="num muted">{r + 1}</td>
                  {preview.header.map((_, c) => (
                    <td key={c}>{row[c] ?? ''}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
