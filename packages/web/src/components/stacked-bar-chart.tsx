import { BarChart } from 'echarts/charts';
import { AriaComponent, GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerEchartsParts } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what a stacked bar chart needs, so the rest of ECharts stays out of the bundle.
registerEchartsParts([
  BarChart,
  GridComponent,
  LegendComponent,
  TooltipComponent,
  AriaComponent,
  CanvasRenderer,
]);

export interface BarSeries {
  name: string;
  /** One value per category. */
  values: number[];
  /** Series with the same stack are drawn on top of each other. */
  stack?: string;
  colour?: string;
}

export interface StackedBarChartProps {
  /** The chart's accessible name; the same figures must be readable elsewhere on the page. */
  label: string;
  categories: string[];
  series: BarSeries[];
  /** How a value is written in the tooltip and on the axis (a stable function: a new one redraws). */
  format: (value: number) => string;
  height?: number;
  /** Drawn at once, without the bars growing in. */
  still?: boolean;
  /** Pixels above the bars, for the legend. */
  legendSpace?: number;
  /** Hovering a series fades the others. */
  focusSeries?: boolean;
}

/** A bar chart (stacked where series share a stack) drawn on a canvas, resized with its container. */
export function StackedBarChart({
  label,
  categories,
  series,
  format,
  height = 320,
  still = false,
  legendSpace = 40,
  focusSeries = false,
}: StackedBarChartProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = init(element.current);
    chart.setOption({
      ...(still ? { animation: false } : {}),
      aria: { enabled: true, label: { description: label } },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value: unknown) => format(Number(value)),
      },
      legend: { top: 0 },
      grid: { left: 8, right: 8, bottom: 8, top: legendSpace, containLabel: true },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => format(value) } },
      series: series.map((entry) => ({
        type: 'bar',
        name: entry.name,
        data: entry.values,
        ...(entry.stack ? { stack: entry.stack } : {}),
        ...(focusSeries ? { emphasis: { focus: 'series' } } : {}),
        ...(entry.colour ? { itemStyle: { color: entry.colour } } : {}),
      })),
    });
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [label, categories, series, format, still, legendSpace, focusSeries]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
