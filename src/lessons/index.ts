/** The lesson catalogue, in teaching order. Loaded lazily by the UI (not part of the initial bundle). */
import { headless } from './catalog/headless';
import { identity } from './catalog/identity';
import { nodeLoss } from './catalog/nodeLoss';
import { order } from './catalog/order';
import { replication } from './catalog/replication';
import { retention } from './catalog/retention';
import { rollingUpdates } from './catalog/rollingUpdates';
import { storage } from './catalog/storage';
import { tutorial } from './catalog/tutorial';
import { zoneLoss } from './catalog/zoneLoss';
import type { Lesson } from './types';

export type { CheckInput, CheckResult, Lesson, LessonCheck, LessonQuestion, LessonStep, ScenarioRef } from './types';

export const LESSONS: readonly Lesson[] = [
  identity,
  order,
  headless,
  storage,
  replication,
  nodeLoss,
  rollingUpdates,
  retention,
  zoneLoss,
  tutorial,
];

export function findLesson(id: string): Lesson | undefined {
  return LESSONS.find((l) => l.id === id);
}
