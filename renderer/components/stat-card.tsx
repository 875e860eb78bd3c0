import type { ReactNode } from 'react';

export function StatCard({
  label,
  value,
  detail,
  testId,
  wide,
}: {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  testId?: string;
  wide?: boolean;
}) {
  return (
    <div className={`stat-card${wide ? ' stat-wide' : ''}`} data-testid={testId}>
      <div className="stat-label">{label}</div>
      <div className="stat-value" data-testid={testId ? `${testId}-value` : undefined}>
        {value}
      </div>
      {detail ? <div className="stat-detail">{detail}</div> : null}
    </div>
  );
}
