/**
 * Every lesson, run headless through the Terminal: each step's check fails on the state before its commands
 * and passes after them, and no command is rejected by the shell or kubectl.
 */
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons';
import { runLesson } from './run';

/** Output that means a command itself was wrong (not an error the lesson means to show). */
const BROKEN = [
  /command not found/,
  /unknown (command|flag|shorthand)/,
  /error: unable to/,
  /error: (the server doesn't have|you must specify)/,
  /Error from server \((BadRequest|Invalid|AlreadyExists)\)/,
  /is invalid/,
  /syntax error/,
  /error validating/,
];

describe.each(LESSONS.map((lesson) => [lesson.number, lesson.title, lesson] as const))(
  'lesson %i: %s',
  (_n, _title, lesson) => {
    const runs = runLesson(lesson);
    it.each(runs.map((run) => [run.step.id, run] as const))('step %s: check fails before and passes after', (_id, run) => {
      expect(run.step.check({ snapshot: run.before, before: run.before })).toMatchObject({ done: false });
      expect(run.step.check({ snapshot: run.after, before: run.before })).toEqual({ done: true });
      for (const pattern of BROKEN) expect(run.output).not.toMatch(pattern);
    });
  },
);

describe('the catalogue', () => {
  it('has at least the ten lessons of the issue, numbered in order with unique ids', () => {
    expect(LESSONS.map((l) => l.number)).toEqual(LESSONS.map((_, i) => i + 1));
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(LESSONS.length).toBeGreaterThanOrEqual(10);
  });

  it.each(LESSONS.flatMap((l) => l.steps.map((s) => [l.id, s.id, s] as const)))(
    '%s / %s: a well-formed step',
    (_l, _s, step) => {
      expect(step.commands.length).toBeGreaterThan(0);
      if (step.question) {
        expect(step.question.answer).toBeGreaterThanOrEqual(0);
        expect(step.question.answer).toBeLessThan(step.question.choices.length);
      }
    },
  );
});
