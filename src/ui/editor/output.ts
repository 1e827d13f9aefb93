/** Pure helpers for the editor's side panel: output lines classified for colour, file downloads' names. */

export type OutputLineKind = 'added' | 'removed' | 'hunk' | 'header' | 'plain';

/** A line of kubectl output, with what it is in a unified diff (`+`, `-`, `@@`, the file header). */
export interface OutputLine {
  text: string;
  kind: OutputLineKind;
}

/** Splits output into lines and classifies diff lines; the echoed command and other text are `plain`. */
export function classifyOutput(text: string): OutputLine[] {
  const lines = text.replace(/\n$/, '').split('\n');
  let inDiff = false;
  return lines.map((line) => {
    if (line.startsWith('diff -u -N ')) {
      inDiff = true;
      return { text: line, kind: 'header' };
    }
    if (inDiff && (line.startsWith('--- ') || line.startsWith('+++ '))) return { text: line, kind: 'header' };
    if (inDiff && line.startsWith('@@ ')) return { text: line, kind: 'hunk' };
    if (inDiff && line.startsWith('+')) return { text: line, kind: 'added' };
    if (inDiff && line.startsWith('-')) return { text: line, kind: 'removed' };
    if (inDiff && !line.startsWith(' ')) inDiff = false;
    return { text: line, kind: 'plain' };
  });
}

/** The file name of a download: `statefulset-playground-compare-seed1.yaml`. */
export function downloadName(scenario: string | null, seed: number | null, extension: 'yaml' | 'sh'): string {
  const base = scenario ? `statefulset-playground-${scenario}${seed === null ? '' : `-seed${seed}`}` : 'statefulset-playground';
  return `${base.replace(/[^A-Za-z0-9._-]/g, '-')}.${extension}`;
}
