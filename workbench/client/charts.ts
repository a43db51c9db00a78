/**
 * Embedded charts drawn as inline SVG from their data: LINE as lines with points, BAR as horizontal
 * bars, COLUMN (and any other type) as vertical columns; grouped series, or stacked when the chart
 * says so. Google's default palette, a title, gridlines with round ticks, and a legend.
 */
import type { ChartView } from './api';

const SVG = 'http://www.w3.org/2000/svg';
const PALETTE = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc', '#00acc1', '#ff7043', '#9e9d24'];

function el(tag: string, attrs: Record<string, string | number>, text?: string): SVGElement {
  const node = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, String(v));
  if (text !== undefined) node.textContent = text;
  return node;
}

/** Round tick values from 0 (or the minimum, when negative) to just above the maximum. */
function ticks(min: number, max: number): number[] {
  const lo = Math.min(0, min);
  const hi = max <= lo ? lo + 1 : max;
  const rough = (hi - lo) / 5;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= rough) ?? rough;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 0.999; v += step)
    out.push(Number(v.toFixed(10)));
  return out.length >= 2 ? out : [lo, hi];
}

const short = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

export function drawChart(chart: ChartView): SVGSVGElement {
  const { width, height } = chart;
  const svg = el('svg', {
    width,
    height,
    viewBox: `0 0 ${width} ${height}`,
    class: 'chart',
    role: 'img',
  }) as SVGSVGElement;
  svg.setAttribute('aria-label', chart.title || 'Chart');
  svg.appendChild(el('rect', { x: 0, y: 0, width, height, fill: '#fff', stroke: '#dadce0' }));
  if (chart.title) svg.appendChild(el('text', { x: 16, y: 26, class: 'chart-title' }, chart.title));
  const series = chart.series.filter((s) => s.values.some((v) => v !== null));
  if (chart.categories.length === 0 || series.length === 0) {
    svg.appendChild(
      el('text', { x: width / 2, y: height / 2, 'text-anchor': 'middle', class: 'chart-empty' }, 'No data'),
    );
    return svg;
  }
  const horizontal = chart.type === 'BAR';
  const stacked = chart.stacked && chart.type !== 'LINE';
  const n = chart.categories.length;
  const totals = chart.categories.map((_, i) =>
    series.reduce((sum, s) => sum + Math.max(0, s.values[i] ?? 0), 0),
  );
  const all = series.flatMap((s) => s.values.filter((v): v is number => v !== null));
  const scale = ticks(Math.min(...all), stacked ? Math.max(...totals) : Math.max(...all));
  const lo = scale[0]!;
  const hi = scale[scale.length - 1]!;

  // Plot area: room for the title, the legend below, and category labels.
  const legendHeight = 24;
  const left = horizontal
    ? Math.min(160, 12 + 6.5 * Math.max(...chart.categories.map((c) => short(c, 24).length)))
    : 48;
  const top = chart.title ? 44 : 16;
  const right = 20;
  const bottom = legendHeight + (horizontal ? 24 : 40);
  const plotW = width - left - right;
  const plotH = height - top - bottom;
  const value = (v: number) => (v - lo) / (hi - lo || 1);

  // Gridlines and value labels.
  for (const t of scale) {
    if (horizontal) {
      const x = left + value(t) * plotW;
      svg.appendChild(el('line', { x1: x, y1: top, x2: x, y2: top + plotH, class: 'chart-grid' }));
      svg.appendChild(
        el('text', { x, y: top + plotH + 16, 'text-anchor': 'middle', class: 'chart-label' }, String(t)),
      );
    } else {
      const y = top + plotH - value(t) * plotH;
      svg.appendChild(el('line', { x1: left, y1: y, x2: left + plotW, y2: y, class: 'chart-grid' }));
      svg.appendChild(
        el('text', { x: left - 6, y: y + 4, 'text-anchor': 'end', class: 'chart-label' }, String(t)),
      );
    }
  }

  const band = (horizontal ? plotH : plotW) / n;
  // Category labels: every one when they fit, else every k-th.
  const every = Math.max(
    1,
    Math.ceil(n / Math.max(1, Math.floor((horizontal ? plotH : plotW) / (horizontal ? 16 : 48)))),
  );
  chart.categories.forEach((c, i) => {
    if (i % every !== 0) return;
    if (horizontal) {
      svg.appendChild(
        el(
          'text',
          { x: left - 6, y: top + band * (i + 0.5) + 4, 'text-anchor': 'end', class: 'chart-label' },
          short(c, 24),
        ),
      );
    } else {
      svg.appendChild(
        el(
          'text',
          { x: left + band * (i + 0.5), y: top + plotH + 16, 'text-anchor': 'middle', class: 'chart-label' },
          short(c, 12),
        ),
      );
    }
  });

  if (chart.type === 'LINE') {
    series.forEach((s, k) => {
      const color = PALETTE[k % PALETTE.length]!;
      const points = s.values
        .map((v, i) => (v === null ? null : [left + band * (i + 0.5), top + plotH - value(v) * plotH]))
        .filter((p): p is number[] => p !== null);
      svg.appendChild(
        el('polyline', {
          points: points.map((p) => p.join(',')).join(' '),
          fill: 'none',
          stroke: color,
          'stroke-width': 2,
          class: 'chart-line',
        }),
      );
      for (const [x, y] of points) svg.appendChild(el('circle', { cx: x!, cy: y!, r: 3, fill: color }));
    });
  } else {
    const groups = stacked ? 1 : series.length;
    const barSize = (band * 0.7) / groups;
    chart.categories.forEach((_, i) => {
      let base = 0;
      series.forEach((s, k) => {
        const v = s.values[i] ?? 0;
        const start = stacked ? base : 0;
        const end = start + v;
        if (stacked) base = end;
        const a = value(Math.min(start, end));
        const b = value(Math.max(start, end));
        const offset = band * 0.15 + (stacked ? 0 : k * barSize);
        const color = PALETTE[k % PALETTE.length]!;
        const attrs = horizontal
          ? {
              x: left + a * plotW,
              y: top + band * i + offset,
              width: Math.max(0, (b - a) * plotW),
              height: barSize,
            }
          : {
              x: left + band * i + offset,
              y: top + plotH - b * plotH,
              width: barSize,
              height: Math.max(0, (b - a) * plotH),
            };
        const bar = el('rect', { ...attrs, fill: color, class: 'chart-bar' });
        bar.appendChild(el('title', {}, `${chart.categories[i]} · ${s.name}: ${v}`));
        svg.appendChild(bar);
      });
    });
  }
  // Axis line at zero.
  if (horizontal) {
    const x = left + value(0) * plotW;
    svg.appendChild(el('line', { x1: x, y1: top, x2: x, y2: top + plotH, class: 'chart-axis' }));
  } else {
    const y = top + plotH - value(0) * plotH;
    svg.appendChild(el('line', { x1: left, y1: y, x2: left + plotW, y2: y, class: 'chart-axis' }));
  }

  // Legend.
  let x = left;
  const y = height - 12;
  series.forEach((s, k) => {
    svg.appendChild(el('rect', { x, y: y - 9, width: 10, height: 10, fill: PALETTE[k % PALETTE.length]! }));
    const label = short(s.name, 28);
    svg.appendChild(el('text', { x: x + 14, y, class: 'chart-legend' }, label));
    x += 30 + label.length * 6.5;
  });
  return svg;
}
