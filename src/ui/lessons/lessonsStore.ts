/**
 * The lessons' own UI state (not sim state): whether the panel is open, the lesson on screen, and the
 * learner's progress, kept in localStorage. Small enough to live in the initial bundle; the lesson data
 * and the panel load lazily.
 */
import { createStore } from 'zustand/vanilla';
import type { StoreApi } from 'zustand/vanilla';
import {
  PROGRESS_STORAGE_KEY,
  parseProgress,
  serializeProgress,
  withAnswer,
  withDone,
  withStep,
  withoutLesson,
} from './progress';
import type { Progress } from './progress';

export interface LessonsUiState {
  isOpen: boolean;
  /** The lesson on screen, or null for the list. */
  activeId: string | null;
  progress: Progress;
  open(): void;
  close(): void;
  show(lessonId: string | null): void;
  goToStep(lessonId: string, step: number): void;
  markDone(lessonId: string, stepId: string): void;
  answer(lessonId: string, stepId: string, choice: number): void;
  forget(lessonId: string): void;
}

function readStored(): Progress {
  try {
    return parseProgress(globalThis.localStorage?.getItem(PROGRESS_STORAGE_KEY) ?? null);
  } catch {
    return parseProgress(null);
  }
}

function store(progress: Progress): void {
  try {
    globalThis.localStorage?.setItem(PROGRESS_STORAGE_KEY, serializeProgress(progress));
  } catch {
    // Storage full or blocked: progress lives for this page only.
  }
}

export function createLessonsUiStore(): StoreApi<LessonsUiState> {
  return createStore<LessonsUiState>()((set, get) => {
    const save = (progress: Progress) => {
      store(progress);
      set({ progress });
    };
    return {
      isOpen: false,
      activeId: null,
      progress: readStored(),
      open: () => set({ isOpen: true }),
      close: () => set({ isOpen: false, activeId: null }),
      show: (activeId) => set({ isOpen: true, activeId }),
      goToStep: (id, step) => save(withStep(get().progress, id, step)),
      markDone: (id, stepId) => {
        const next = withDone(get().progress, id, stepId);
        if (next !== get().progress) save(next);
      },
      answer: (id, stepId, choice) => save(withAnswer(get().progress, id, stepId, choice)),
      forget: (id) => save(withoutLesson(get().progress, id)),
    };
  });
}

/** The page's one lessons store. */
export const lessonsUi = createLessonsUiStore();
