/** The console's text: the output chunks after the last Clear, as one string (what Copy copies). */
import type { OutputChunk } from '../../store/playgroundStore';

/** Chunks written after the output was cleared at `clearedAtSeq` (0 when never cleared). */
export function visibleChunks(chunks: readonly OutputChunk[], clearedAtSeq: number): OutputChunk[] {
  return chunks.filter((c) => c.seq > clearedAtSeq);
}

/** The text of `chunks`, as the terminal showed it. */
export function outputText(chunks: readonly OutputChunk[]): string {
  return chunks.map((c) => c.text).join('');
}

/** True when the scroll position is at the end (within `slack` pixels), so new output should follow. */
export function isScrolledToEnd(
  scrollTop: number,
  clientHeight: number,
  scrollHeight: number,
  slack = 8,
): boolean {
  return scrollHeight - (scrollTop + clientHeight) <= slack;
}

/**
 * Where the screen was cleared: at output `seq` (Clear, Ctrl+L), or, for the `clear` command, at the first
 * answer to a command after `seq` (its own echo), which has not necessarily arrived yet.
 */
export interface ClearMark {
  seq: number;
  isAfterAnswer: boolean;
}

/** The output sequence number up to which the screen is clear. */
export function clearedSeq(chunks: readonly OutputChunk[], mark: ClearMark): number {
  if (!mark.isAfterAnswer) return mark.seq;
  return chunks.find((c) => c.seq > mark.seq && c.id !== null)?.seq ?? mark.seq;
}
