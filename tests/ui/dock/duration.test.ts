import { describe, expect, it } from 'vitest';
import { formatAge } from '../../../src/ui/dock/duration';

// humanDuration itself is tested in tests/sim/kubectl/printers/duration.test.ts.
describe('formatAge', () => {
  it.each<[number, number, string]>([
    [10_000, 10_000, '0s'],
    [75_000, 10_000, '65s'],
    [10_000, 75_000, '<invalid>'],
    [3 * 3_600_000 + 300_000, 0, '3h5m'],
  ])('now %d, then %d: %s', (now, then, text) => {
    expect(formatAge(now, then)).toBe(text);
  });
});
