/** Pure helpers for the lesson view: step keys, the check status words, step bounds. */
import type { CheckResult } from '../../lessons/types';

export interface StepKeyPress {
  key: string;
  altKey: boolean;
  ctrlKey: boolean;
  metaKey: boolean;
}

/** What the focused element is, as far as stepping cares. */
export interface StepKeyTarget {
  tagName: string;
  type?: string;
  isContentEditable?: boolean;
}

/**
 * 'next' for ArrowRight / N, 'prev' for ArrowLeft / P, else null. Keys typed into a field, a select or a
 * radio group (which uses the arrows itself), or with a modifier, are left alone.
 */
export function stepKey(press: StepKeyPress, target: StepKeyTarget | null): 'next' | 'prev' | null {
  if (press.altKey || press.ctrlKey || press.metaKey) return null;
  if (target) {
    const tag = target.tagName.toUpperCase();
    if (target.isContentEditable || tag === 'TEXTAREA' || tag === 'SELECT') return null;
    if (tag === 'INPUT') return null;
  }
  switch (press.key) {
    case 'ArrowRight':
    case 'n':
    case 'N':
      return 'next';
    case 'ArrowLeft':
    case 'p':
    case 'P':
      return 'prev';
    default:
      return null;
  }
}

/** The words of the check status: "Done", or "Not yet: <reason>". */
export function checkStatusText(result: CheckResult): string {
  return result.done ? 'Done' : `Not yet: ${result.reason}`;
}

/** Clamps a step index into [0, count - 1]. */
export function clampStep(step: number, count: number): number {
  return Math.min(Math.max(0, step), Math.max(0, count - 1));
}

/** The first line of a command entry (a here-document shows its first line as the button's name). */
export function commandLabel(command: string): string {
  return command.split('\n')[0] ?? command;
}
