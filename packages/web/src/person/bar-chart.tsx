import { BarChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import { init, use as registerEchartsParts, type ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

// Only what a stacked bar chart needs, so the rest of ECharts stays out of the bundle.
registerEchartsParts([BarChart, GridComponent, LegendComponent, TooltipComponent, CanvasRenderer]);

export interface BarSeries {
  name: string;
  /** One value per category, in fen. */
  valuesFen: number[];
}

export interface StackedBarChartProps {
  categories: string[];
  series: BarSeries[];
  /** Formats an amount in fen for the axis and tooltip (formatYuan). */
  formatFen: (amountFen: number) => string;
  /** What the chart shows, for readers who cannot see it (the table beside it has the figures). */
  label: string;
  height?: number;
}

type Option = ComposeOption<
  BarSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

/** A stacked bar chart over categories (months), drawn with ECharts on a canvas and resized with its box. */
export function StackedBarChart({
  categories,
  series,
  formatFen,
  label,
  height = 320,
}: StackedBarChartProps) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!element.current) return;
    const chart = init(element.current);
    const option: Option = {
      animation: false,
      grid: { left: 8, right: 8, top: 48, bottom: 8, containLabel: true },
      legend: { top: 0 },
      tooltip: {
        trigger: 'axis',
        valueFormatter: (value) => formatFen(Math.round(Number(value))),
      },
      xAxis: { type: 'category', data: categories },
      yAxis: { type: 'value', axisLabel: { formatter: (value: number) => formatFen(Math.round(value)) } },
      series: series.map((item) => ({
        name: item.name,
        type: 'bar',
        stack: 'total',
        emphasis: { focus: 'series' },
        data: item.valuesFen,
      })),
    };
    chart.setOption(option);
    const observer = new ResizeObserver(() => chart.resize());
    observer.observe(element.current);
    return () => {
      observer.disconnect();
      chart.dispose();
    };
  }, [categories, series, formatFen]);
  return <div ref={element} role="img" aria-label={label} style={{ width: '100%', height }} />;
}
