import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { untraversableAncestors } from './embedded';

describe('embedded data folder reachability', () => {
  it('sees when a private parent folder keeps another user out', () => {
    const base = fs.mkdtempSync(path.join(os.tmpdir(), 'holdspace-reach-'));
    try {
      const stranger = { uid: 424242, gid: 424242 };
      fs.chmodSync(base, 0o700);
      expect(untraversableAncestors(path.join(base, 'data', 'pg'), stranger)).toEqual([base]);
      fs.chmodSync(base, 0o711);
      expect(untraversableAncestors(path.join(base, 'data', 'pg'), stranger)).toEqual([]);
      // The owner of a private folder may pass through it.
      const stat = fs.statSync(base);
      fs.chmodSync(base, 0o700);
      expect(
        untraversableAncestors(path.join(base, 'pg'), { uid: stat.uid, gid: stat.gid }),
      ).toEqual([]);
    } finally {
      fs.rmSync(base, { recursive: true, force: true });
    }
  });
});
