/**
 * Command history for the console, as bash keeps it: Enter records a line (not blank, not a repeat of the
 * previous one), Up walks back, Down walks forward to the line being typed, which is kept as a draft.
 */

export interface History {
  /** Recorded lines, oldest first. */
  entries: readonly string[];
  /** The entry shown, or entries.length for the line being typed. */
  index: number;
  /** What was typed before walking into the history. */
  draft: string;
}

/** The most lines kept. */
export const HISTORY_LIMIT = 500;

export const emptyHistory: History = { entries: [], index: 0, draft: '' };

/** Records `line` and returns to the (new, empty) line being typed. */
export function recordLine(history: History, line: string): History {
  const isRepeat = history.entries[history.entries.length - 1] === line;
  const entries =
    line.trim() === '' || isRepeat ? history.entries : [...history.entries, line].slice(-HISTORY_LIMIT);
  return { entries, index: entries.length, draft: '' };
}

/** The line to show after a step back (`-1`, Up) or forward (`+1`, Down) from `current`, and the new history. */
export function stepHistory(
  history: History,
  current: string,
  step: -1 | 1,
): { history: History; line: string } {
  const index = Math.min(history.entries.length, Math.max(0, history.index + step));
  if (index === history.index) return { history, line: current };
  const draft = history.index === history.entries.length ? current : history.draft;
  const line = index === history.entries.length ? draft : history.entries[index]!;
  return { history: { ...history, index, draft }, line };
}
