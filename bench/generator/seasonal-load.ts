/**
 * Optional load-dependent waiting (off by default, so the standard log is unchanged): arrivals
 * swing with a season, and the wait before one activity grows with how many cases arrived in
 * the past week, like a queue at a busy station (mean × (1 − U) / (1 − ρ), ρ = U × load, where
 * load = arrivals in the last 7 days / the average). Every other wait ignores load, so a
 * bottleneck model must find this activity by how its wait responds to workload, not by how
 * long it is (the static bottleneck Pick Items → Dispatch Shipment is longer but load-blind).
 */
export const LOAD_DEPENDENT_WAIT = {
  activity: 'Pick Items',
  /** Mean wait before it at average load (without load: 8 h); long enough that load matters to a case's duration. */
  meanHours: 24,
  /** Length of one busy-quiet cycle of arrivals. */
  periodDays: 70,
  /** Arrival intensity swings between (1 − amplitude) and (1 + amplitude) times the average. */
  amplitude: 0.6,
  /** Utilisation of the station at average load. */
  utilisation: 0.7,
  maxUtilisation: 0.95,
} as const;

const DAY = 86_400_000;
const WEEK = 7 * DAY;

export class SeasonalLoad {
  private readonly omega = (2 * Math.PI) / (LOAD_DEPENDENT_WAIT.periodDays * DAY);
  private readonly recent: number[] = [];
  private head = 0;

  constructor(
    private readonly periodStart: number,
    private readonly interArrival: number,
  ) {}

  /**
   * Arrival instant of case `index` (u in [0, 1) jitters it): solves Λ(t) = index + u for the
   * cumulative intensity Λ(t) = (t + A/ω · (1 − cos ωt)) / interArrival by Newton's method
   * (Λ' ≥ (1 − A)/interArrival > 0, so it converges from the evenly spaced guess).
   */
  arrival(index: number, u: number): number {
    const A = LOAD_DEPENDENT_WAIT.amplitude;
    const target = (index + u) * this.interArrival;
    let t = target;
    for (let k = 0; k < 50; k++) {
      const f = t + (A / this.omega) * (1 - Math.cos(this.omega * t)) - target;
      const step = f / (1 + A * Math.sin(this.omega * t));
      t -= step;
      if (Math.abs(step) < 1) break;
    }
    return this.periodStart + t;
  }

  /** Records an arrival (cases arrive in index order) and returns the wait factor at that moment. */
  arrive(at: number): number {
    this.recent.push(at);
    while (this.recent[this.head] <= at - WEEK) this.head++;
    if (this.head > 4096) {
      this.recent.splice(0, this.head);
      this.head = 0;
    }
    const load = (this.recent.length - this.head) / (WEEK / this.interArrival);
    const { utilisation, maxUtilisation } = LOAD_DEPENDENT_WAIT;
    return (1 - utilisation) / (1 - Math.min(maxUtilisation, utilisation * load));
  }
}
