import { describe, expect, it } from 'vitest';
import { HISTORY_LIMIT, emptyHistory, recordLine, stepHistory } from '../../../src/ui/dock/history';
import type { History } from '../../../src/ui/dock/history';

function recorded(...lines: string[]): History {
  return lines.reduce(recordLine, emptyHistory);
}

/** Presses keys (U = Up, D = Down) starting from `typed`; returns each line shown. */
function walk(history: History, typed: string, keys: string): string[] {
  let h = history;
  let line = typed;
  const shown: string[] = [];
  for (const key of keys) {
    const next = stepHistory(h, line, key === 'U' ? -1 : 1);
    h = next.history;
    line = next.line;
    shown.push(line);
  }
  return shown;
}

describe('console history', () => {
  it('records lines, skipping blank ones and a repeat of the previous line', () => {
    expect(
      recorded('kubectl get pods', '  ', 'kubectl get pods', 'kubectl get nodes', 'kubectl get pods').entries,
    ).toEqual(['kubectl get pods', 'kubectl get nodes', 'kubectl get pods']);
  });

  it.each<[string, string, string[]]>([
    ['U', '', ['c']],
    ['UU', '', ['c', 'b']],
    ['UUUU', '', ['c', 'b', 'a', 'a']],
    ['UUD', '', ['c', 'b', 'c']],
    ['UDD', 'half typed', ['c', 'half typed', 'half typed']],
    ['D', 'x', ['x']],
  ])('keys %s from %j show %j', (keys, typed, shown) => {
    expect(walk(recorded('a', 'b', 'c'), typed, keys)).toEqual(shown);
  });

  it('returns to a fresh line after recording', () => {
    const h = recordLine(stepHistory(recorded('a', 'b'), '', -1).history, 'b again');
    expect(h.index).toBe(h.entries.length);
    expect(walk(h, '', 'U')).toEqual(['b again']);
  });

  it(`keeps the last ${HISTORY_LIMIT} lines`, () => {
    const h = recorded(...Array.from({ length: HISTORY_LIMIT + 5 }, (_, i) => `echo ${i}`));
    expect(h.entries).toHaveLength(HISTORY_LIMIT);
    expect(h.entries[0]).toBe('echo 5');
  });
});
