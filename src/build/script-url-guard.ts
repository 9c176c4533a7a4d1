// Build-time guard for MDX prose: a link that would run script (javascript:,
// vbscript:, data: documents) stops the build with the file, the line and the
// fix. Runs as a Sätteri HAST plugin, the tree Astro renders the page from.
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineHastPlugin, mdxToJs } from 'satteri';
import type { Root } from 'hast';
import { findScriptUrls, scriptUrlMessage, type ScriptUrl } from '../lib/script-urls';

export const scriptUrlGuard = defineHastPlugin({
  name: 'sop-script-url-guard',
  options: { position: true },
  before(root, ctx) {
    const found = findScriptUrls(root as Root);
    if (found.length === 0) return;
    const file = ctx.fileURL ? relative(process.cwd(), fileURLToPath(ctx.fileURL)) : 'MDX 文件';
    throw new Error(`流程内容有误,构建已停止:\n${file}: ${found.length} 处问题\n${found.map((f) => `  - ${scriptUrlMessage(f)}`).join('\n')}`);
  },
});

/** The same check for `npm run check:content`, on an MDX body, without a build. */
export async function scriptUrlsIn(body: string): Promise<ScriptUrl[]> {
  let found: ScriptUrl[] = [];
  await mdxToJs(body, {
    hastPlugins: [
      defineHastPlugin({
        name: 'sop-script-url-check',
        options: { position: true },
        before(root) {
          found = findScriptUrls(root as Root);
        },
      }),
    ],
  });
  return found;
}
