/** The console transcript: lines the user entered, interleaved with the output chunks in order. */
import type { OutputChunk } from '../store/playgroundStore';

/** A line the user entered, placed after the output chunks that existed when it was sent. */
export interface EchoedLine {
  id: string;
  /** The prompt and the line, as the terminal showed them. */
  text: string;
  /** The store's outputSeq when the line was sent. */
  afterSeq: number;
}

/** Interleaves echoed lines with output chunks in the order they happened. */
export function transcript(
  echoes: readonly EchoedLine[],
  output: readonly OutputChunk[],
): { key: string; text: string }[] {
  const entries = [
    ...echoes.map((e) => ({ key: e.id, order: e.afterSeq + 0.5, text: e.text + '\n' })),
    ...output.map((o) => ({ key: `out-${o.seq}`, order: o.seq, text: o.text })),
  ];
  return entries.sort((a, b) => a.order - b.order).map(({ key, text }) => ({ key, text }));
}
