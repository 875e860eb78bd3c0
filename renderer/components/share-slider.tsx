/**
 * A slider for a share from 0 to 100% (the map's activities and paths sliders, and the same pair on
 * the Compare view), labelled with its name and the share it is at.
 */
export function ShareSlider({
  label,
  value,
  testId,
  onChange,
}: {
  label: string;
  value: number;
  testId: string;
  onChange(value: number): void;
}) {
  return (
    <label className="map-slider">
      <span>
        {label} <strong>{Math.round(value * 100)}%</strong>
      </span>
      <input
        type="range"
        min={0}
        max={1}
        step={0.01}
        value={value}
        data-testid={testId}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </label>
  );
}
