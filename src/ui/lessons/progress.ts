/**
 * Lesson progress as kept in the browser: one versioned JSON document in localStorage. Everything read back
 * is validated; anything unexpected gives a clean start instead of a broken page.
 */

export const PROGRESS_STORAGE_KEY = 'statefulset-playground.lessons';
export const PROGRESS_VERSION = 1;

export interface LessonProgress {
  /** Index of the step on screen. */
  step: number;
  /** Ids of the steps whose check has passed. */
  done: string[];
  /** The choice committed for each step's question, by step id. */
  answers: Record<string, number>;
}

export interface Progress {
  version: typeof PROGRESS_VERSION;
  lessons: Record<string, LessonProgress>;
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, lessons: {} };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function isIndex(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value >= 0 && value < 1000;
}

function isLessonProgress(value: unknown): value is LessonProgress {
  if (!isRecord(value) || !isIndex(value.step)) return false;
  if (!Array.isArray(value.done) || !value.done.every((d) => typeof d === 'string')) return false;
  return isRecord(value.answers) && Object.values(value.answers).every(isIndex);
}

/** Reads stored progress; null, bad JSON, another version or any malformed entry gives empty progress. */
export function parseProgress(raw: string | null): Progress {
  if (raw === null) return emptyProgress();
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch {
    return emptyProgress();
  }
  if (!isRecord(data) || data.version !== PROGRESS_VERSION || !isRecord(data.lessons)) return emptyProgress();
  const entries = Object.entries(data.lessons);
  if (!entries.every(([, v]) => isLessonProgress(v))) return emptyProgress();
  const lessons: Record<string, LessonProgress> = {};
  for (const [id, v] of entries as [string, LessonProgress][]) {
    lessons[id] = { step: v.step, done: [...new Set(v.done)], answers: { ...v.answers } };
  }
  return { version: PROGRESS_VERSION, lessons };
}

export function serializeProgress(progress: Progress): string {
  return JSON.stringify(progress);
}

function entry(progress: Progress, lessonId: string): LessonProgress {
  return progress.lessons[lessonId] ?? { step: 0, done: [], answers: {} };
}

function withEntry(progress: Progress, lessonId: string, next: LessonProgress): Progress {
  return { ...progress, lessons: { ...progress.lessons, [lessonId]: next } };
}

/** The lesson's progress (a fresh one when it was never started). */
export function lessonProgress(progress: Progress, lessonId: string): LessonProgress {
  return entry(progress, lessonId);
}

export function withStep(progress: Progress, lessonId: string, step: number): Progress {
  return withEntry(progress, lessonId, { ...entry(progress, lessonId), step });
}

export function withDone(progress: Progress, lessonId: string, stepId: string): Progress {
  const current = entry(progress, lessonId);
  if (current.done.includes(stepId)) return progress;
  return withEntry(progress, lessonId, { ...current, done: [...current.done, stepId] });
}

export function withAnswer(progress: Progress, lessonId: string, stepId: string, choice: number): Progress {
  const current = entry(progress, lessonId);
  return withEntry(progress, lessonId, { ...current, answers: { ...current.answers, [stepId]: choice } });
}

export function withoutLesson(progress: Progress, lessonId: string): Progress {
  const lessons = { ...progress.lessons };
  delete lessons[lessonId];
  return { ...progress, lessons };
}

/** How many of `stepIds` are done, for the list ("2 of 4 steps"). */
export function countDone(progress: Progress, lessonId: string, stepIds: readonly string[]): number {
  const done = entry(progress, lessonId).done;
  return stepIds.filter((id) => done.includes(id)).length;
}
