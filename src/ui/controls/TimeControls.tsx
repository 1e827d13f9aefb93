/**
 * The header bar's controls: scenario picker, play / pause / step / speed, the simulated clock, the theme
 * toggle, and on a line of its own the Timeline. Mounted inside the page header next to the title.
 */
import { PlayControls } from './PlayControls';
import { ScenarioPicker } from './ScenarioPicker';
import { SimClock } from './SimClock';
import { ThemeToggle } from './ThemeToggle';
import { LessonsButton } from '../lessons/LessonsButton';
import { TimelineBar } from './TimelineBar';
import './controls.css';

export function TimeControls() {
  return (
    <>
      <div className="time-controls">
        <ScenarioPicker />
        <PlayControls />
        <SimClock />
        <ThemeToggle />
        <LessonsButton />
      </div>
      <TimelineBar />
    </>
  );
}
