import { describe, expect, it } from 'vitest';
import {
  PROGRESS_VERSION,
  countDone,
  emptyProgress,
  lessonProgress,
  parseProgress,
  serializeProgress,
  withAnswer,
  withDone,
  withStep,
  withoutLesson,
} from '../../../src/ui/lessons/progress';
import { checkStatusText, clampStep, commandLabel, stepKey } from '../../../src/ui/lessons/navigation';
import type { Progress } from '../../../src/ui/lessons/progress';

describe('parseProgress', () => {
  const good: Progress = { version: PROGRESS_VERSION, lessons: { identity: { step: 1, done: ['a'], answers: { a: 0 } } } };

  it('reads back what was stored', () => {
    expect(parseProgress(serializeProgress(good))).toEqual(good);
  });

  it.each([
    ['nothing stored', null],
    ['not JSON', '{nope'],
    ['another version', JSON.stringify({ ...good, version: 2 })],
    ['no lessons map', JSON.stringify({ version: PROGRESS_VERSION })],
    ['an array', '[]'],
    ['a negative step', JSON.stringify({ version: 1, lessons: { x: { step: -1, done: [], answers: {} } } })],
    ['a fractional step', JSON.stringify({ version: 1, lessons: { x: { step: 1.5, done: [], answers: {} } } })],
    ['done not strings', JSON.stringify({ version: 1, lessons: { x: { step: 0, done: [1], answers: {} } } })],
    ['an answer not an index', JSON.stringify({ version: 1, lessons: { x: { step: 0, done: [], answers: { a: 'b' } } } })],
    ['a lesson entry of the wrong type', JSON.stringify({ version: 1, lessons: { x: 'done' } })],
  ])('gives a clean start for %s', (_name, raw) => {
    expect(parseProgress(raw)).toEqual(emptyProgress());
  });

  it('drops duplicate done ids', () => {
    const raw = JSON.stringify({ version: 1, lessons: { x: { step: 0, done: ['a', 'a'], answers: {} } } });
    expect(parseProgress(raw).lessons.x!.done).toEqual(['a']);
  });
});

describe('progress updates', () => {
  it('records steps, completions and answers per lesson, and forgets a lesson on reset', () => {
    let p = emptyProgress();
    p = withStep(p, 'order', 2);
    p = withDone(p, 'order', 'scale-up');
    p = withDone(p, 'order', 'scale-up');
    p = withAnswer(p, 'order', 'scale-up', 1);
    expect(lessonProgress(p, 'order')).toEqual({ step: 2, done: ['scale-up'], answers: { 'scale-up': 1 } });
    expect(countDone(p, 'order', ['scale-up', 'scale-down'])).toBe(1);
    expect(lessonProgress(p, 'identity')).toEqual({ step: 0, done: [], answers: {} });
    expect(withoutLesson(p, 'order')).toEqual(emptyProgress());
  });

  it('returns the same object when a step is already done', () => {
    const p = withDone(emptyProgress(), 'a', 's');
    expect(withDone(p, 'a', 's')).toBe(p);
  });
});

describe('stepKey', () => {
  const press = (key: string, mods: Partial<{ altKey: boolean; ctrlKey: boolean; metaKey: boolean }> = {}) => ({
    key,
    altKey: false,
    ctrlKey: false,
    metaKey: false,
    ...mods,
  });
  it.each([
    ['ArrowRight', null, 'next'],
    ['n', null, 'next'],
    ['N', { tagName: 'BUTTON' }, 'next'],
    ['ArrowLeft', { tagName: 'SECTION' }, 'prev'],
    ['p', null, 'prev'],
    ['ArrowRight', { tagName: 'INPUT', type: 'radio' }, null],
    ['n', { tagName: 'INPUT', type: 'text' }, null],
    ['n', { tagName: 'TEXTAREA' }, null],
    ['n', { tagName: 'DIV', isContentEditable: true }, null],
    ['x', null, null],
  ] as const)('%s on %j gives %s', (key, target, expected) => {
    expect(stepKey(press(key), target)).toBe(expected);
  });

  it('ignores keys with a modifier', () => {
    expect(stepKey(press('n', { ctrlKey: true }), null)).toBeNull();
    expect(stepKey(press('ArrowRight', { altKey: true }), null)).toBeNull();
  });
});

describe('status words and bounds', () => {
  it.each([
    [{ done: true } as const, 'Done'],
    [{ done: false, reason: 'mysql-1 has not come back yet' } as const, 'Not yet: mysql-1 has not come back yet'],
  ])('%j reads "%s"', (result, text) => {
    expect(checkStatusText(result)).toBe(text);
  });

  it.each([
    [-1, 3, 0],
    [1, 3, 1],
    [5, 3, 2],
    [0, 0, 0],
  ])('clampStep(%i, %i) = %i', (step, count, expected) => {
    expect(clampStep(step, count)).toBe(expected);
  });

  it('labels a here-document by its first line', () => {
    expect(commandLabel('kubectl apply -f - <<EOF\nkind: Pod\nEOF')).toBe('kubectl apply -f - <<EOF');
  });
});
