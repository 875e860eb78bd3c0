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

/**
 * Text from the log (an activity, a resource, a case id, a feature named after an activity) put
 * where plotly reads its subset of HTML: hover text, hovertemplate values, tick labels of category
 * axes, trace names. Plotly turns `<b>`, `<a href>` and the like into markup there (and a link
 * would leave the machine on a click), so `&`, `<` and `>` become entities, which plotly shows as
 * the characters typed. Escaping is one-to-one, so escaped categories stay distinct.
 */
export function plotlyText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
