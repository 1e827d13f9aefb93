/**
 * Guided lessons as plain data: a lesson names its scenario and seed and is a list of steps; each step says
 * what to do, the console lines to run, a question to answer before the reveal, an automatic check over the
 * cluster snapshot, and an explanation of what just happened.
 */
import type { ClusterSnapshot } from '../sim/snapshot';

/** What a check reads: the snapshot now, and the snapshot taken when the step was opened (null if unknown). */
export interface CheckInput {
  snapshot: ClusterSnapshot;
  before: ClusterSnapshot | null;
}

/** A check's verdict: done, or not yet with the reason in plain words ("mysql-1 has not come back"). */
export type CheckResult = { done: true } | { done: false; reason: string };

/** A pure predicate over the cluster state: never over which button was pressed. */
export type LessonCheck = (input: CheckInput) => CheckResult;

/** "Predict, then run": a multiple-choice question, the answer revealed once the learner commits. */
export interface LessonQuestion {
  prompt: string;
  choices: string[];
  /** Index into `choices` of the right answer. */
  answer: number;
  /** Why that answer is right, shown on reveal. */
  why: string;
}

/** A scenario to (re)load; a step that carries one offers a button that starts it afresh. */
export interface ScenarioRef {
  scenario: string;
  seed: number;
}

export interface LessonStep {
  id: string;
  title: string;
  /** What to do and why, in plain words. */
  instruction: string;
  /**
   * Console lines, each run as if typed. One entry may hold several lines separated by newlines (a
   * here-document); they are sent together.
   */
  commands: string[];
  /** A scenario this step starts from (loaded by a button before the commands), if not the lesson's own. */
  load?: ScenarioRef;
  question?: LessonQuestion;
  /** What "Done" means, shown beside the check status. */
  goal: string;
  check: LessonCheck;
  /** What just happened and why, shown once the check passes. */
  explanation: string;
}

export interface Lesson {
  /** Stable id (progress is stored under it). */
  id: string;
  number: number;
  title: string;
  /** One sentence: what the learner will see and understand. */
  goal: string;
  /** The scenario and seed the lesson starts from. */
  scenario: string;
  seed: number;
  steps: LessonStep[];
  /** A closing note after the last step (optional). */
  summary?: string;
}
