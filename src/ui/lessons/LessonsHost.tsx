/** Mounts the lessons panel when it is open; the panel and the lesson data load on first use. */
import { Suspense, lazy } from 'react';
import { useStore } from 'zustand';
import { lessonsUi } from './lessonsStore';

const LessonsPanel = lazy(() => import('./LessonsPanel'));

export function LessonsHost() {
  const isOpen = useStore(lessonsUi, (s) => s.isOpen);
  if (!isOpen) return null;
  return (
    <Suspense
      fallback={
        <aside id="lessons-panel" className="lessons-panel" aria-label="Lessons" aria-busy="true">
          <p>Loading lessons…</p>
        </aside>
      }
    >
      <LessonsPanel />
    </Suspense>
  );
}
