// The build's last step: `node src/build/print-build-notes.ts [dist]`.
import { formatBuildNotes, takeBuildNotes } from './build-notes.ts';

const notes = takeBuildNotes(process.argv[2] ?? 'dist');
if (notes.length > 0) console.log(`\n${formatBuildNotes(notes)}`);
