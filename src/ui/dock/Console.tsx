/**
 * The kubectl console: one terminal per session in the worker. Lines go out as typed and come back echoed
 * after their prompt with their output, exactly as the transcript runner prints them; watch rows stream in
 * while simulated time passes. Up/Down walk the history, Tab completes, Ctrl+C interrupts.
 */
import { useLayoutEffect, useRef, useState } from 'react';
import type { ClipboardEvent, FormEvent, KeyboardEvent } from 'react';
import { selectOutput, selectPrompt } from '../../store/playgroundStore';
import { usePlayground, usePlaygroundStore } from '../../store/usePlayground';
import { complete, completionNames } from './completion';
import { emptyHistory, recordLine, stepHistory } from './history';
import { clearedSeq, isScrolledToEnd, outputText, visibleChunks } from './output';
import type { ClearMark } from './output';
import { useRunLine } from './useRunLine';

export function Console() {
  const store = usePlaygroundStore();
  const runLine = useRunLine();
  const output = usePlayground(selectOutput);
  const prompt = usePlayground(selectPrompt);
  // Lines typed before the worker has a cluster would be lost: the input waits for the first scenario.
  const isReady = usePlayground((s) => s.run !== null);
  const [line, setLine] = useState('');
  const [history, setHistory] = useState(emptyHistory);
  const [clearMark, setClearMark] = useState<ClearMark>({ seq: 0, isAfterAnswer: false });
  const [note, setNote] = useState('');
  const log = useRef<HTMLPreElement>(null);
  const isAtEnd = useRef(true);

  const clearedAtSeq = clearedSeq(output, clearMark);
  const chunks = visibleChunks(output, clearedAtSeq);

  useLayoutEffect(() => {
    const el = log.current;
    if (el && isAtEnd.current) el.scrollTop = el.scrollHeight;
  }, [chunks.length, output]);

  const clear = () => {
    setClearMark({ seq: store.getState().outputSeq, isAfterAnswer: false });
    setNote('');
  };

  const send = (text: string) => {
    runLine(text);
    isAtEnd.current = true;
    // `clear` wipes the screen once its own echo arrives, as bash's clear wipes its own line too.
    if (text.trim() === 'clear') setClearMark({ seq: store.getState().outputSeq, isAfterAnswer: true });
  };

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    send(line);
    setHistory((h) => recordLine(h, line));
    setLine('');
    setNote('');
  };

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    const input = e.currentTarget;
    if (e.key === 'ArrowUp' || e.key === 'ArrowDown') {
      e.preventDefault();
      const next = stepHistory(history, line, e.key === 'ArrowUp' ? -1 : 1);
      setHistory(next.history);
      setLine(next.line);
      return;
    }
    // Tab completes a non-empty line; on an empty line it moves focus on, so the keyboard is never trapped.
    if (e.key === 'Tab' && !e.shiftKey && !e.altKey && !e.ctrlKey && !e.metaKey && line.trim() !== '') {
      e.preventDefault();
      const result = complete(line, completionNames(store.getState().snapshot));
      setLine(result.line);
      setNote(result.candidates.join('  '));
      return;
    }
    if (e.ctrlKey && !e.altKey && !e.metaKey && e.key.toLowerCase() === 'c') {
      // With text selected in the input, Ctrl+C copies it as usual.
      if (input.selectionStart !== input.selectionEnd) return;
      e.preventDefault();
      send('^C');
      setLine('');
      setHistory((h) => ({ ...h, index: h.entries.length, draft: '' }));
      setNote('');
      return;
    }
    if (e.ctrlKey && !e.altKey && !e.metaKey && e.key.toLowerCase() === 'l') {
      e.preventDefault();
      clear();
      return;
    }
    if (e.key === 'Escape') setNote('');
  };

  // A multi-line paste (a here-document, a manifest) runs line by line; the last, unfinished line stays.
  const onPaste = (e: ClipboardEvent<HTMLInputElement>) => {
    const pasted = e.clipboardData.getData('text/plain').replace(/\r\n?/g, '\n');
    if (!pasted.includes('\n')) return;
    e.preventDefault();
    const input = e.currentTarget;
    const text = line.slice(0, input.selectionStart ?? line.length) + pasted;
    const lines = text.split('\n');
    const rest = lines.pop() ?? '';
    send(lines.join('\n'));
    setHistory((h) => recordLine(h, lines[0] ?? ''));
    setLine(rest + line.slice(input.selectionEnd ?? line.length));
  };

  const copy = async () => {
    const text = outputText(visibleChunks(store.getState().output, clearedAtSeq));
    try {
      await navigator.clipboard.writeText(text);
      setNote('Copied the console output.');
    } catch {
      setNote('Copying was not allowed here: select the output and press Ctrl+C instead.');
    }
  };

  return (
    <div className="dock-console">
      <div className="dock-toolbar">
        <span className="dock-hint">
          Tab completes · ↑/↓ history · Ctrl+C stops a watch or leaves a pod shell
        </span>
        <button type="button" onClick={() => void copy()}>
          Copy
        </button>
        <button type="button" onClick={clear}>
          Clear
        </button>
      </div>
      <pre
        ref={log}
        className="dock-console-output"
        role="log"
        aria-label="Console output"
        aria-live="polite"
        tabIndex={0}
        onScroll={(e) => {
          const el = e.currentTarget;
          isAtEnd.current = isScrolledToEnd(el.scrollTop, el.clientHeight, el.scrollHeight);
        }}
      >
        {chunks.map((c) => (
          <span key={c.seq}>{c.text}</span>
        ))}
      </pre>
      <form className="dock-console-input" onSubmit={onSubmit}>
        <span className="dock-prompt" aria-hidden="true">
          {prompt}
        </span>
        <input
          aria-label="kubectl command"
          aria-describedby="dock-console-note"
          value={line}
          onChange={(e) => setLine(e.target.value)}
          onKeyDown={onKeyDown}
          onPaste={onPaste}
          disabled={!isReady}
          placeholder={!isReady ? 'Starting the cluster…' : prompt === '$ ' ? 'kubectl get pods' : ''}
          autoComplete="off"
          autoCapitalize="off"
          autoCorrect="off"
          spellCheck={false}
        />
      </form>
      <p id="dock-console-note" className="dock-console-note" role="status">
        {note}
      </p>
    </div>
  );
}
