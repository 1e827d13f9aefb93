/**
 * One lesson: step navigation (buttons, ArrowLeft/ArrowRight, P/N), the step's instruction, its question,
 * its commands with Copy and Run it, the live check status and, once done, the explanation.
 */
import { useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { useStore } from 'zustand';
import type { Lesson, LessonQuestion, LessonStep } from '../../lessons';
import type { ClusterSnapshot } from '../../protocol';
import { selectSnapshot } from '../../store/playgroundStore';
import { usePlayground } from '../../store/usePlayground';
import { useRunLine } from '../dock/useRunLine';
import { lessonsUi } from './lessonsStore';
import { checkStatusText, clampStep, commandLabel, stepKey } from './navigation';
import { lessonProgress } from './progress';
import type { ScenarioLoader } from './useScenarioLoader';

function Question({ lesson, step, question }: { lesson: Lesson; step: LessonStep; question: LessonQuestion }) {
  const committed = useStore(lessonsUi, (s) => lessonProgress(s.progress, lesson.id).answers[step.id]);
  const [choice, setChoice] = useState<number | null>(null);
  const name = useId();
  const isCommitted = committed !== undefined;
  return (
    <fieldset className="lesson-question">
      <legend>Predict: {question.prompt}</legend>
      {question.choices.map((text, i) => (
        <label key={i} className={isCommitted && i === question.answer ? 'is-answer' : undefined}>
          <input
            type="radio"
            name={name}
            value={i}
            checked={(isCommitted ? committed : choice) === i}
            disabled={isCommitted}
            onChange={() => setChoice(i)}
          />
          {text}
        </label>
      ))}
      {isCommitted ? (
        <p className="lesson-reveal" role="status">
          {committed === question.answer ? 'Right. ' : `Not quite: the answer is "${question.choices[question.answer]}". `}
          {question.why}
        </p>
      ) : (
        <button
          type="button"
          disabled={choice === null}
          onClick={() => choice !== null && lessonsUi.getState().answer(lesson.id, step.id, choice)}
        >
          Commit answer
        </button>
      )}
    </fieldset>
  );
}

function Commands({ commands }: { commands: string[] }) {
  const runLine = useRunLine();
  const [copied, setCopied] = useState<string | null>(null);
  const copy = (command: string) => {
    void navigator.clipboard?.writeText(command).then(
      () => setCopied(command),
      () => setCopied(null),
    );
  };
  return (
    <ol className="lesson-commands" aria-label="Commands">
      {commands.map((command, i) => (
        <li key={i}>
          <pre>
            <code>{command}</code>
          </pre>
          <div className="lesson-command-actions">
            <button type="button" aria-label={`Run it: ${commandLabel(command)}`} onClick={() => runLine(command)}>
              Run it
            </button>
            <button type="button" aria-label={`Copy: ${commandLabel(command)}`} onClick={() => copy(command)}>
              {copied === command ? 'Copied' : 'Copy'}
            </button>
          </div>
        </li>
      ))}
    </ol>
  );
}

export function LessonView({ lesson, loader, onReset }: { lesson: Lesson; loader: ScenarioLoader; onReset: () => void }) {
  const progress = useStore(lessonsUi, (s) => lessonProgress(s.progress, lesson.id));
  const index = clampStep(progress.step, lesson.steps.length);
  const step = lesson.steps[index]!;
  const snapshot = usePlayground(selectSnapshot);
  const stepHeading = useRef<HTMLHeadingElement>(null);
  const key = `${lesson.id}/${step.id}/${loader.loads}`;
  const [baseline, setBaseline] = useState<{ key: string; snapshot: ClusterSnapshot | null } | null>(null);

  // The step's "before": the snapshot on screen when the step (or a freshly loaded scenario) appears.
  // Set while rendering (React's pattern for state derived from a change), not in an effect.
  if (!loader.isLoading && baseline?.key !== key && snapshot) setBaseline({ key, snapshot });

  const before = baseline?.key === key ? baseline.snapshot : null;
  const result = loader.isLoading
    ? { done: false as const, reason: 'the scenario is loading' }
    : snapshot
      ? step.check({ snapshot, before })
      : { done: false as const, reason: 'waiting for the cluster' };
  const isDone = progress.done.includes(step.id);

  useEffect(() => {
    if (result.done && !isDone) lessonsUi.getState().markDone(lesson.id, step.id);
  }, [result.done, isDone, lesson.id, step.id]);

  const go = (next: number) => {
    const target = clampStep(next, lesson.steps.length);
    if (target === index) return;
    lessonsUi.getState().goToStep(lesson.id, target);
    requestAnimationFrame(() => stepHeading.current?.focus());
  };

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    const target = e.target instanceof HTMLElement ? e.target : null;
    const move = stepKey(e, target && { tagName: target.tagName, isContentEditable: target.isContentEditable });
    if (!move) return;
    e.preventDefault();
    go(move === 'next' ? index + 1 : index - 1);
  };

  const isLast = index === lesson.steps.length - 1;
  return (
    <section className="lesson-view" aria-labelledby="lessons-heading" onKeyDown={onKeyDown}>
      <h2 id="lessons-heading">
        Lesson {lesson.number}: {lesson.title}
      </h2>
      <p className="lesson-goal">{lesson.goal}</p>
      <p className="lesson-scenario">
        Scenario <code>{lesson.scenario}</code>, seed {lesson.seed}.{' '}
        <button type="button" onClick={onReset}>
          Reset lesson
        </button>
      </p>
      <nav className="lesson-steps" aria-label="Steps">
        <ol>
          {lesson.steps.map((s, i) => (
            <li key={s.id}>
              <button
                type="button"
                aria-current={i === index ? 'step' : undefined}
                onClick={() => go(i)}
                className={progress.done.includes(s.id) ? 'is-done' : undefined}
              >
                <span aria-hidden="true">{progress.done.includes(s.id) ? '✓' : i + 1}</span>
                <span className="lessons-visually-hidden">
                  Step {i + 1}: {s.title}
                  {progress.done.includes(s.id) ? ' (done)' : ''}
                </span>
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <article className="lesson-step" key={step.id}>
        <h3 ref={stepHeading} tabIndex={-1}>
          Step {index + 1} of {lesson.steps.length}: {step.title}
        </h3>
        <p>{step.instruction}</p>
        {step.load && (
          <p>
            <button type="button" onClick={() => step.load && loader.load(step.load)}>
              Load {step.load.scenario}
            </button>
          </p>
        )}
        {step.question && <Question lesson={lesson} step={step} question={step.question} />}
        <Commands commands={step.commands} />
        <div className="lesson-check">
          <p className="lesson-check-goal">
            <strong>Check:</strong> {step.goal}
          </p>
          <p role="status" aria-live="polite" className={isDone || result.done ? 'is-done' : 'is-pending'}>
            {isDone && !result.done ? 'Done (earlier in this run)' : checkStatusText(result)}
          </p>
        </div>
        {(isDone || result.done) && (
          <div className="lesson-explanation">
            <h4>What just happened</h4>
            <p>{step.explanation}</p>
            {isLast && lesson.summary && <p>{lesson.summary}</p>}
          </div>
        )}
      </article>

      <div className="lesson-nav">
        <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
          Previous step
        </button>
        {isLast ? (
          <button type="button" onClick={() => lessonsUi.getState().show(null)}>
            Back to all lessons
          </button>
        ) : (
          <button type="button" onClick={() => go(index + 1)}>
            Next step
          </button>
        )}
      </div>
    </section>
  );
}
