/**
 * The lessons panel (loaded lazily): the list of lessons with progress, or the lesson on screen. Picking a
 * lesson loads its scenario; "Sandbox" closes the panel and leaves the cluster as it is.
 */
import { useStore } from 'zustand';
import { LESSONS, findLesson } from '../../lessons';
import type { Lesson } from '../../lessons';
import { countDone } from './progress';
import { lessonsUi } from './lessonsStore';
import { LessonView } from './LessonView';
import { useScenarioLoader } from './useScenarioLoader';
import './lessons.css';

function LessonList({ onStart }: { onStart: (lesson: Lesson) => void }) {
  const progress = useStore(lessonsUi, (s) => s.progress);
  return (
    <>
      <h2 id="lessons-heading">Lessons</h2>
      <p className="lessons-intro">
        Short guided runs: predict, run the commands, and let the playground check what happened.
      </p>
      <ol className="lesson-list">
        {LESSONS.map((lesson) => {
          const done = countDone(progress, lesson.id, lesson.steps.map((s) => s.id));
          const total = lesson.steps.length;
          const isStarted = lesson.id in progress.lessons;
          return (
            <li key={lesson.id}>
              <button type="button" className="lesson-link" onClick={() => onStart(lesson)}>
                <span className="lesson-number">{lesson.number}</span>
                <span className="lesson-name">{lesson.title}</span>
                <span className="lesson-progress">
                  {done === total ? 'Completed' : isStarted ? `${done} of ${total} steps` : `${total} steps`}
                </span>
              </button>
              <p className="lesson-goal">{lesson.goal}</p>
            </li>
          );
        })}
      </ol>
    </>
  );
}

export default function LessonsPanel() {
  const activeId = useStore(lessonsUi, (s) => s.activeId);
  const loader = useScenarioLoader();
  const lesson = activeId ? findLesson(activeId) : undefined;

  const start = (next: Lesson) => {
    const state = lessonsUi.getState();
    const isFresh = !(next.id in state.progress.lessons);
    state.show(next.id);
    if (isFresh) {
      state.goToStep(next.id, 0);
      loader.load({ scenario: next.scenario, seed: next.seed });
    }
  };

  const reset = (current: Lesson) => {
    const state = lessonsUi.getState();
    state.forget(current.id);
    state.goToStep(current.id, 0);
    loader.load({ scenario: current.scenario, seed: current.seed });
  };

  return (
    <aside id="lessons-panel" className="lessons-panel" aria-labelledby="lessons-heading">
      <div className="lessons-toolbar">
        {lesson && (
          <button type="button" onClick={() => lessonsUi.getState().show(null)}>
            All lessons
          </button>
        )}
        <button type="button" onClick={() => lessonsUi.getState().close()} title="Close the lesson and keep the cluster as it is">
          Sandbox
        </button>
      </div>
      {lesson ? (
        <LessonView lesson={lesson} loader={loader} onReset={() => reset(lesson)} />
      ) : (
        <LessonList onStart={start} />
      )}
    </aside>
  );
}
