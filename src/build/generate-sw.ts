// Build step after astro and pagefind: `node src/build/generate-sw.ts [dist]`.
import { describeReport, generateServiceWorker } from './service-worker.ts';

const dist = process.argv[2] ?? 'dist';
const report = await generateServiceWorker(dist);
console.log(`[service-worker] ${describeReport(report)}`);
