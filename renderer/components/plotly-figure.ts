/**
 * A plotly figure as plain data: what figure builders (control chart, capability histogram) return
 * and PlotlyChart draws. Kept apart from the component so Node code (tests, benches) can build
 * figures without React or the DOM.
 */

/** A plotly trace or layout: plain JSON as plotly.js documents it (https://plotly.com/javascript/reference/). */
export type PlotlyObject = Record<string, unknown>;

export interface PlotlyFigure {
  data: PlotlyObject[];
  layout: PlotlyObject;
}
