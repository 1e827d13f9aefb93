/** Runs lesson steps headless: a Terminal on the lesson's scenario, snapshots before and after each step. */
import { buildSnapshot } from '../../../src/sim/snapshot';
import type { ClusterSnapshot } from '../../../src/sim/snapshot';
import type { Lesson, LessonStep } from '../../../src/lessons';
import { testTerminal } from '../../support/terminal';
import type { TestTerminal } from '../../support/terminal';

export interface StepRun {
  step: LessonStep;
  before: ClusterSnapshot;
  after: ClusterSnapshot;
  output: string;
}

/** Feeds a step's commands as the console would (a multi-line entry line by line). */
export function runCommands(term: TestTerminal, step: LessonStep): string {
  return term.run(...step.commands.flatMap((c) => c.split('\n')));
}

/** Runs every step of `lesson` in order (loading a step's scenario first when it names one). */
export function runLesson(lesson: Lesson): StepRun[] {
  let term = testTerminal(lesson.scenario, lesson.seed);
  const runs: StepRun[] = [];
  for (const step of lesson.steps) {
    // "Before" is what the UI takes as the step's baseline: for a step that loads a scenario, the freshly
    // loaded one (its check must not pass on loading alone, before the step's commands).
    if (step.load) term = testTerminal(step.load.scenario, step.load.seed);
    const before = buildSnapshot(term.cluster);
    const output = runCommands(term, step);
    runs.push({ step, before, after: buildSnapshot(term.cluster), output });
  }
  return runs;
}
