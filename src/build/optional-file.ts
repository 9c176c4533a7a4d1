// A file() loader for a data file a content folder may leave out (the test
// fixture corpora have no learning paths). No file means an empty collection;
// entries cached from an earlier build that had the file are cleared, not kept.
import { existsSync } from 'node:fs';
import { file, type Loader } from 'astro/loaders';

export function optionalFile(fileName: string): Loader {
  const inner = file(fileName);
  return {
    name: 'optional-file-loader',
    load: async (context) => {
      if (existsSync(new URL(fileName, context.config.root))) return inner.load(context);
      context.store.clear();
    },
  };
}
