import { Box, useMantineTheme, VisuallyHidden } from '@mantine/core';
import type { EChartsCoreOption, EChartsType } from 'echarts/core';
import { useEffect, useRef, useState } from 'react';

let engine: Promise<typeof import('./chart-engine')> | undefined;
/** ECharts, fetched once, when the first chart is drawn. */
const loadEngine = () => {
  engine ??= import('./chart-engine');
  return engine;
};

/** The figures behind a chart, for screen readers (and anyone who wants the numbers). */
export type ChartTable = {
  columns: string[];
  rows: (string | number)[][];
};

/**
 * An Apache ECharts chart drawn as SVG. The picture is one image named by `label`; its figures are
 * in a visually hidden table for screen readers. Follows its container's width (and height when
 * `height` is not given) and redraws when `option` changes.
 */
export function Chart({
  option,
  label,
  table,
  height = 320,
}: {
  option: EChartsCoreOption;
  label: string;
  table?: ChartTable;
  height?: number | string;
}) {
  const theme = useMantineTheme();
  const ref = useRef<HTMLDivElement>(null);
  const [chart, setChart] = useState<EChartsType | null>(null);

  useEffect(() => {
    const el = ref.current;
    if (!el) return;
    let disposed = false;
    let instance: EChartsType | undefined;
    let observer: ResizeObserver | undefined;
    void loadEngine().then(({ init }) => {
      if (disposed) return;
      instance = init(el, undefined, { renderer: 'svg' });
      observer = new ResizeObserver(() => instance?.resize());
      observer.observe(el);
      setChart(instance);
    });
    return () => {
      disposed = true;
      observer?.disconnect();
      instance?.dispose();
    };
  }, []);

  useEffect(() => {
    const c = theme.colors;
    chart?.setOption(
      {
        color: [c.indigo[7], c.teal[7], c.orange[7], c.grape[6], c.cyan[8], c.pink[7], c.lime[8]],
        textStyle: { fontFamily: theme.fontFamily },
        animationDuration: 300,
        ...option,
      },
      { notMerge: true },
    );
  }, [chart, option, theme]);

  return (
    <Box>
      <div ref={ref} role="img" aria-label={label} style={{ width: '100%', height }} />
      {table && (
        <VisuallyHidden>
          <table>
            <caption>{label}</caption>
            <thead>
              <tr>
                {table.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {table.rows.map((row) => (
                <tr key={String(row[0])}>
                  <th scope="row">{row[0]}</th>
                  {row.slice(1).map((cell, i) => (
                    <td key={table.columns[i + 1]}>{cell}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </VisuallyHidden>
      )}
    </Box>
  );
}
