import type { ChartAdvice, ChartTransform, ChartType } from '../../../preload/api.ts';
import { chartName } from '../measures/measures-editor.tsx';

const MARK: Record<ChartAdvice['checks'][number]['status'], string> = { ok: '✓', warning: '⚠', 'not-applicable': '–' };
const CHECK_NAMES: Record<ChartAdvice['checks'][number]['name'], string> = {
  subgroups: 'Enough data',
  stability: 'Stability',
  normality: 'Normality',
  'heavy-tail': 'Long tail',
  autocorrelation: 'Independence',
  overdispersion: 'Overdispersion',
};

/** The chooser in plain words: which chart fits these data and why, and the checks before trusting the limits. */
export function AdvicePanel({
  advice,
  current,
  transform,
  onUse,
  onTransform,
}: {
  advice: ChartAdvice;
  current: ChartType;
  transform: ChartTransform;
  onUse(chart: ChartType): void;
  onTransform(transform: ChartTransform): void;
}) {
  return (
    <section className="panel cc-advice" data-testid="cc-advice">
      <h2>Which chart</h2>
      <p data-testid="cc-advice-reason">
        <strong>{chartName(advice.chart)}</strong>: {advice.reason}{' '}
        {advice.chart !== current ? (
          <button
            type="button"
            className="small-button"
            onClick={() => onUse(advice.chart)}
            data-testid="cc-advice-use"
          >
            Use {chartName(advice.chart)}
          </button>
        ) : (
          <span className="muted small">(the chart shown)</span>
        )}
      </p>
      <ul className="cc-checks">
        {advice.checks.map((c) => (
          <li key={c.name} className={`cc-check cc-check-${c.status}`} data-testid={`cc-check-${c.name}`}>
            <span className="cc-check-mark" aria-hidden="true">
              {MARK[c.status]}
            </span>
            <span>
              <strong>{CHECK_NAMES[c.name]}.</strong> {c.message}
              {c.name === 'heavy-tail' && advice.transform !== 'none' && advice.transform !== transform ? (
                <>
                  {' '}
                  <button
                    type="button"
                    className="small-button"
                    onClick={() => onTransform(advice.transform)}
                    data-testid="cc-advice-transform"
                  >
                    Chart on the {advice.transform === 'log' ? 'log' : 'Box-Cox'} scale
                  </button>
                </>
              ) : null}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
