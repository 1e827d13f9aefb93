/**
 * Transcript tests: each file in tests/transcripts/ holds commands and the output real Kubernetes 1.35
 * shows for them (see tests/support/transcript.ts for the matching rules). The first line of a file may
 * name the scenario and seed: `# scenario: empty seed: 1`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runTranscriptFile } from '../../support/transcript';

const dir = join(__dirname, '../../transcripts');
const files = readdirSync(dir).filter((f) => f.endsWith('.txt'));

describe('transcripts', () => {
  it.each(files)('%s', (file) => {
    const path = join(dir, file);
    const header = readFileSync(path, 'utf8').split('\n')[0] ?? '';
    const scenario = header.match(/scenario: (\S+)/)?.[1] ?? 'empty';
    const seed = Number(header.match(/seed: (\d+)/)?.[1] ?? 1);
    const result = runTranscriptFile(path, scenario, seed);
    expect(result.mismatch, `actual transcript:\n${result.actual}`).toBe('');
  });
});
