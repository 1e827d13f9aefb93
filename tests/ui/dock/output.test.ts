import { describe, expect, it } from 'vitest';
import { clearedSeq, isScrolledToEnd, outputText, visibleChunks } from '../../../src/ui/dock/output';
import type { OutputChunk } from '../../../src/store/playgroundStore';

const chunks: OutputChunk[] = [
  { seq: 1, id: 'dock-1', text: '$ kubectl get pods -w\nNAME ...\n' },
  { seq: 2, id: null, text: 'mysql-3   0/1   Pending\n' },
  { seq: 4, id: 'dock-2', text: '$ clear\n' },
  { seq: 5, id: null, text: 'mysql-3   0/1   ContainerCreating\n' },
];

describe('console output', () => {
  it('shows the chunks after the last clear and joins their text', () => {
    expect(visibleChunks(chunks, 0)).toHaveLength(4);
    expect(outputText(visibleChunks(chunks, 2))).toBe('$ clear\nmysql-3   0/1   ContainerCreating\n');
  });

  it.each<[number, boolean, number]>([
    [0, false, 0],
    [2, false, 2],
    // `clear` typed when the last chunk was 2: cleared through its own echo (4), not the watch row before it.
    [2, true, 4],
    // Its echo has not arrived yet: nothing more is hidden.
    [5, true, 5],
  ])('a clear mark at %d (after the answer: %s) hides through %d', (seq, isAfterAnswer, expected) => {
    expect(clearedSeq(chunks, { seq, isAfterAnswer })).toBe(expected);
  });

  it.each<[number, number, number, boolean]>([
    [0, 100, 100, true],
    [400, 100, 500, true],
    [393, 100, 500, true],
    [300, 100, 500, false],
  ])('scrollTop %d, height %d of %d is at the end: %s', (top, client, scroll, expected) => {
    expect(isScrolledToEnd(top, client, scroll)).toBe(expected);
  });
});
