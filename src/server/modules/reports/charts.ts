import type { EChartsCoreOption } from 'echarts';
import { formatPercent, formatYen, inYenUnit, yenUnit } from '../../../shared/amounts.js';
import { esc, label, reportT } from './format.js';
import type { ReportDocument } from './report.schema.js';

/**
 * The report's charts, drawn on the server as SVG (ECharts SSR) so that they appear the same on screen,
 * in print and in the PDF: the multi-year trend of expenses and the breakdown by field.
 * ECharts is loaded on the first chart, not with the server: most processes (the CLI, the API
 * without a report page) never draw one, and it is the heaviest module the server would load.
 */

type ECharts = typeof import('echarts');
let echartsLoading: Promise<ECharts> | undefined;
const loadEcharts = () => (echartsLoading ??= import('echarts'));

/** The two charts of a report document, as SVG strings (the field ring empty without fields). */
export type ReportCharts = { trend: string; field: string };

/** Draws the report's charts, loading ECharts on first use. */
export async function reportCharts(doc: ReportDocument): Promise<ReportCharts> {
  const echarts = await loadEcharts();
  return {
    trend: trendChartSvg(echarts, doc),
    field: doc.expenses.byField.length ? fieldChartSvg(echarts, doc) : '',
  };
}

export const CHART_FONT = "'Noto Sans CJK JP', 'Noto Sans JP', 'Hiragino Sans', 'Yu Gothic', sans-serif";
export const CHART_COLORS = [
  '#1d4e89',
  '#2f7ec1',
  '#43a39b',
  '#7fb24a',
  '#e3a33b',
  '#d9673e',
  '#a45ba3',
  '#6f7b8a',
  '#9fc5e8',
  '#c7d98c',
  '#b5b5b5',
];

/** Renders one chart to an SVG string, with a title for assistive technology; always disposes. */
function renderSvg(
  echarts: ECharts,
  option: EChartsCoreOption,
  width: number,
  height: number,
  title: string,
) {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    chart.setOption({
      animation: false,
      color: CHART_COLORS,
      textStyle: { fontFamily: CHART_FONT, color: '#222' },
      ...option,
    });
    const svg = chart.renderToSVGString();
    return svg.replace('<svg ', `<svg role="img" aria-label="${esc(title)}" `);
  } finally {
    chart.dispose();
  }
}

/** Bars of the company-method total per fiscal year, oldest first, each labelled with its amount. */
function trendChartSvg(echarts: ECharts, doc: ReportDocument): string {
  const t = reportT(doc.lang);
  const unit = yenUnit(doc.lang, doc.amountUnitJa);
  const years = doc.expenses.trend;
  return renderSvg(
    echarts,
    {
      grid: { left: 64, right: 24, top: 40, bottom: 36 },
      xAxis: {
        type: 'category',
        data: years.map((y) => label(doc.lang, y)),
        axisTick: { show: false },
        axisLabel: { fontSize: 13 },
      },
      yAxis: {
        type: 'value',
        name: unit.label,
        nameTextStyle: { fontSize: 12, align: 'right' },
        axisLabel: { fontSize: 12 },
        splitLine: { lineStyle: { color: '#e3e6ea' } },
      },
      series: [
        {
          type: 'bar',
          barMaxWidth: 64,
          data: years.map((y, i) => ({
            value: inYenUnit(y.totalJpy, doc.lang, doc.amountUnitJa),
            itemStyle: { color: i === years.length - 1 ? CHART_COLORS[0] : CHART_COLORS[8] },
            label: {
              show: true,
              position: 'top',
              fontSize: 13,
              formatter: formatYen(y.totalJpy, doc.lang, doc.amountUnitJa),
            },
          })),
        },
      ],
    },
    640,
    300,
    t('expenses.trendTitle'),
  );
}

/** A ring of the year's expenses by Keidanren field, largest first, labelled with each share. */
function fieldChartSvg(echarts: ECharts, doc: ReportDocument): string {
  const t = reportT(doc.lang);
  const total = doc.expenses.byField.reduce((s, f) => s + Math.max(f.amountJpy, 0), 0);
  const lines = doc.expenses.byField.filter((f) => f.amountJpy > 0);
  return renderSvg(
    echarts,
    {
      series: [
        {
          type: 'pie',
          radius: ['38%', '66%'],
          center: ['50%', '52%'],
          startAngle: 90,
          avoidLabelOverlap: true,
          label: { fontSize: 12, lineHeight: 16, width: 150, overflow: 'break' },
          labelLine: { length: 10, length2: 12 },
          data: lines.map((f) => ({
            name: label(doc.lang, f),
            value: f.amountJpy,
            label: { formatter: `${label(doc.lang, f)}\n${formatPercent(f.amountJpy / total, doc.lang, 1)}` },
          })),
        },
      ],
    },
    640,
    360,
    t('expenses.breakdownChart', { year: doc.period.label }),
  );
}
