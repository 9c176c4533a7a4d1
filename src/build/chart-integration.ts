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
          const how =
            stats.misses > 0
              ? `${stats.pages} 个页面并行,用时 ${(stats.renderMs / 1000).toFixed(1)} 秒`
              : '全部来自缓存,未启动 Chromium';
          const reused = stats.reused > 0 ? `;本次渲染的图另被重复使用 ${stats.reused} 次` : '';
          logger.info(`流程图:渲染 ${stats.misses} 张(${how}),缓存命中 ${stats.hits} 张${reused}`);
        }
      },
    },
  };
}
