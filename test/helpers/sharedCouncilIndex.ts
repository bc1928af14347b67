import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PaperIndex } from '../../src/search';
import { SHARED_COUNCILS } from '../parse/identity/sharedCouncils';
import { builtIndexAsync } from './builtIndex';

const loaded = new Map<string, Promise<PaperIndex>>();

/**
 * A shared council's papers (../shared/councils/C/papers), read at test time: `itOn` runs a test only when
 * they are there (CI machines without ../shared skip it, saying why); `index` builds their index once per code version (builtIndex).
 */
export function sharedCouncil(council: string): { itOn: jest.It; index: () => Promise<PaperIndex> } {
  const dir = join(SHARED_COUNCILS, council, 'papers');
  const present = existsSync(dir);
  if (!present) console.warn(`skipped the ${council} cases: ${dir} is absent (../shared is not beside this worktree)`);
  const index = (): Promise<PaperIndex> => {
    let p = loaded.get(dir);
    if (!p) {
      p = builtIndexAsync(dir);
      loaded.set(dir, p);
    }
    return p;
  };
  return { itOn: present ? it : it.skip, index };
}
