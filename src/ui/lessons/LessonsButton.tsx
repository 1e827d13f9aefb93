/** The header's "Lessons" button: opens and closes the lessons panel. */
import { useStore } from 'zustand';
import { lessonsUi } from './lessonsStore';
import './lessonsButton.css';

export function LessonsButton() {
  const isOpen = useStore(lessonsUi, (s) => s.isOpen);
  return (
    <button
      type="button"
      className="lessons-button"
      aria-expanded={isOpen}
      aria-controls="lessons-panel"
      onClick={() => (isOpen ? lessonsUi.getState().close() : lessonsUi.getState().open())}
    >
      Lessons
    </button>
  );
}
