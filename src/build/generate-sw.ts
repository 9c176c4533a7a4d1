// Build step after astro and pagefind: `node src/build/generate-sw.ts [dist]`.
import { describeReport, generateServiceWorker } from './service-worker.ts';
import { addBuildNote } from './build-notes.ts';
import { NO_SITE_NOTICE, printableSite } from '../lib/print-site.ts';

const dist = process.argv[2] ?? 'dist';
const report = await generateServiceWorker(dist);
console.log(`[service-worker] ${describeReport(report)}`);

// Among the build's closing notes: paper copies without the site's address say nothing of where to look.
if (!printableSite(process.env.SOP_SITE)) addBuildNote(dist, { level: 'warn', text: `[print] ${NO_SITE_NOTICE}` });
