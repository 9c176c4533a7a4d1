// Closes the chart renderer's Chromium when Astro finishes building, and
// leaves the chart summary (or the fallback notice, with its fix) for the
// end of the build's output.
import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { addBuildNote, clearBuildNotes } from './build-notes';
import { closeCharts, FALLBACK_NOTICE } from './charts';

export function chartRendering(): AstroIntegration {
  let outDir = 'dist';
  return {
    name: 'sop-chart-rendering',
    hooks: {
      'astro:config:done': ({ config }) => {
        outDir = fileURLToPath(config.outDir);
        clearBuildNotes(outDir);
      },
      'astro:build:done': async () => {
        const stats = await closeCharts();
        if (stats === 'fallback') {
          addBuildNote(outDir, { level: 'warn', text: FALLBACK_NOTICE, last: true });
        } else if (stats) {
          const how =
            stats.misses > 0
              ? `${stats.pages} 个页面并行,用时 ${(stats.renderMs / 1000).toFixed(1)} 秒`
              : '全部来自缓存,未启动 Chromium';
          const reused = stats.reused > 0 ? `;本次渲染的图另被重复使用 ${stats.reused} 次` : '';
          addBuildNote(outDir, {
            level: 'info',
            text: `流程图:渲染 ${stats.misses} 张(${how}),缓存命中 ${stats.hits} 张${reused}`,
            last: true,
          });
        }
      },
    },
  };
}
