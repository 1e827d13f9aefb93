import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../../../src/protocol';
import { errorRemedy } from '../../../src/ui/controls/errorRemedy';
import { isSpaceForPlay } from '../../../src/ui/controls/keyboard';
import type { FocusTarget, KeyPress } from '../../../src/ui/controls/keyboard';
import { createSeekQueue } from '../../../src/ui/controls/seekQueue';
import {
  THEME_STORAGE_KEY,
  otherTheme,
  parseStoredTheme,
  readPick,
  resolveTheme,
  writePick,
} from '../../../src/ui/controls/theme';
import type { Theme, ThemeStorage } from '../../../src/ui/controls/theme';

describe('isSpaceForPlay', () => {
  const space: KeyPress = { key: ' ' };
  it.each<[KeyPress, FocusTarget | null, boolean]>([
    [space, null, true],
    [space, { tagName: 'BODY' }, true],
    [space, { tagName: 'DIV', role: null }, true],
    [space, { tagName: 'PRE' }, true],
    [space, { tagName: 'INPUT' }, false],
    [space, { tagName: 'TEXTAREA' }, false],
    [space, { tagName: 'SELECT' }, false],
    [space, { tagName: 'BUTTON' }, false],
    [space, { tagName: 'a' }, false],
    [space, { tagName: 'DIV', isContentEditable: true }, false],
    [space, { tagName: 'DIV', role: 'textbox' }, false],
    [space, { tagName: 'DIV', role: 'button' }, false],
    [space, { tagName: 'DIV', role: 'tab' }, false],
    [space, { tagName: 'DIV', role: 'region' }, true],
    [{ key: 'Enter' }, null, false],
    [{ key: ' ', repeat: true }, null, false],
    [{ key: ' ', ctrlKey: true }, null, false],
    [{ key: ' ', shiftKey: true }, null, false],
    [{ key: ' ', defaultPrevented: true }, null, false],
  ])('%j on %j: %s', (press, target, expected) => {
    expect(isSpaceForPlay(press, target)).toBe(expected);
  });
});

describe('createSeekQueue', () => {
  it('keeps one seek in flight and sends only the newest kept one after each answer', () => {
    const sent: number[] = [];
    const queue = createSeekQueue((t) => sent.push(t));
    queue.request(10);
    queue.request(20);
    queue.request(30);
    expect(sent).toEqual([10]);
    expect(queue.isBusy).toBe(true);
    queue.answered();
    expect(sent).toEqual([10, 30]);
    queue.answered();
    expect(queue.isBusy).toBe(false);
    queue.request(40);
    expect(sent).toEqual([10, 30, 40]);
  });

  it('ignores answers when idle', () => {
    const sent: number[] = [];
    const queue = createSeekQueue((t) => sent.push(t));
    queue.answered();
    expect(queue.isBusy).toBe(false);
    expect(sent).toEqual([]);
  });
});

describe('theme', () => {
  it.each<[unknown, Theme | null]>([
    ['light', 'light'],
    ['dark', 'dark'],
    ['Dark', null],
    ['', null],
    [null, null],
    [undefined, null],
    ['{"theme":"dark"}', null],
  ])('parseStoredTheme(%j) is %s', (value, expected) => {
    expect(parseStoredTheme(value)).toBe(expected);
  });

  it.each<[Theme | null, boolean, Theme]>([
    [null, false, 'light'],
    [null, true, 'dark'],
    ['light', true, 'light'],
    ['dark', false, 'dark'],
  ])('resolveTheme(%s, system dark %s) is %s', (pick, systemDark, expected) => {
    expect(resolveTheme(pick, systemDark)).toBe(expected);
  });

  it('toggles between the two themes', () => {
    expect(otherTheme('light')).toBe('dark');
    expect(otherTheme('dark')).toBe('light');
  });

  it('remembers a pick, reads back only valid ones, and survives a storage that throws', () => {
    const values = new Map<string, string>();
    const storage: ThemeStorage = {
      getItem: (k) => values.get(k) ?? null,
      setItem: (k, v) => void values.set(k, v),
    };
    expect(readPick(storage)).toBeNull();
    writePick(storage, 'dark');
    expect(values.get(THEME_STORAGE_KEY)).toBe('dark');
    expect(readPick(storage)).toBe('dark');
    values.set(THEME_STORAGE_KEY, 'purple');
    expect(readPick(storage)).toBeNull();

    const broken: ThemeStorage = {
      getItem: () => {
        throw new Error('SecurityError');
      },
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    expect(readPick(broken)).toBeNull();
    expect(() => writePick(broken, 'light')).not.toThrow();
    expect(readPick(null)).toBeNull();
  });
});

describe('errorRemedy', () => {
  it.each<[ErrorCode, 'restart' | 'reload' | null]>([
    ['simFailure', 'restart'],
    ['workerFailure', 'reload'],
    ['unknownScenario', null],
    ['badMessage', null],
    ['noScenario', null],
    ['versionMismatch', null],
  ])('%s: %s', (code, remedy) => {
    expect(errorRemedy(code)).toBe(remedy);
  });
});
