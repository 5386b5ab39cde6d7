import { describe, expect, it } from 'vitest';

import type { ScanProgress } from '../../src/shared/ipc-contract.ts';
import { scanProgressText } from '../../src/renderer/library/scan-progress-text.ts';

function progress(fields: Partial<ScanProgress>): ScanProgress {
  return { libraryId: 1, phase: 'scanning', filesSeen: 0, parsed: 0, filesPerSecond: 0, error: null, ...fields };
}

describe('scanProgressText', () => {
  it('gives no total while scanning', () => {
    expect(scanProgressText(progress({ filesSeen: 1200, parsed: 1150, filesPerSecond: 310.4 }))).toBe('Scanning: 1,150 files read, 1,200 files checked (310 per second)');
  });

  it('uses the singular for one file', () => {
    expect(scanProgressText(progress({ phase: 'finished', filesSeen: 1, parsed: 1 }))).toBe('Scan finished: 1 file read, 1 file checked');
  });

  it('says nothing changed on an unchanged rescan', () => {
    expect(scanProgressText(progress({ phase: 'finished', filesSeen: 42, parsed: 0 }))).toBe('Scan finished: no new or changed files (42 files checked)');
  });

  it('names the reason of a failed scan', () => {
    expect(scanProgressText(progress({ phase: 'failed', error: 'folder not found' }))).toBe('The scan failed: folder not found');
  });

  it('has no counts before the first batch', () => {
    expect(scanProgressText(progress({ phase: 'started' }))).toBe('Scanning: looking for files…');
  });
});
