// Closes the chart renderer's Chromium when Astro finishes building.
import type { AstroIntegration } from 'astro';
import { closeCharts } from './charts';

export function chartRendering(): AstroIntegration {
  return {
    name: 'sop-chart-rendering',
    hooks: {
      'astro:build:done': async ({ logger }) => {
        const stats = await closeCharts();
        if (stats) {
          const seconds = (stats.renderMs / 1000).toFixed(1);
          logger.info(
            `流程图:渲染 ${stats.misses} 张(${stats.pages} 个页面并行,用时 ${seconds} 秒),缓存命中 ${stats.hits} 张`,
          );
        }
      },
    },
  };
}
