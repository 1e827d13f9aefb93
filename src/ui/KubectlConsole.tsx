/**
 * A minimal terminal: one input line sent as a `kubectl` command, and a transcript that echoes each line
 * after its prompt and shows what the sim printed. The echo is local (as a real terminal's is); the
 * output comes from the store.
 */
import { useEffect, useRef, useState } from 'react';
import type { FormEvent } from 'react';
import { CommandType } from '../protocol';
import { selectOutput, selectPrompt } from '../store/playgroundStore';
import { usePlayground, useSimClient } from '../store/usePlayground';
import { transcript } from './transcript';
import type { EchoedLine } from './transcript';

const ECHO_LIMIT = 500;

export function KubectlConsole() {
  const client = useSimClient();
  const output = usePlayground(selectOutput);
  const prompt = usePlayground(selectPrompt);
  const outputSeq = usePlayground((s) => s.outputSeq);
  const [line, setLine] = useState('');
  const [echoes, setEchoes] = useState<EchoedLine[]>([]);
  const counter = useRef(0);
  const pre = useRef<HTMLPreElement>(null);

  useEffect(() => {
    const el = pre.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [output, echoes]);

  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const id = `cmd-${++counter.current}`;
    setEchoes((prev) => [...prev, { id, text: prompt + line, afterSeq: outputSeq }].slice(-ECHO_LIMIT));
    client.send({ type: CommandType.kubectl, line, id });
    setLine('');
  };

  return (
    <div className="console">
      <pre
        ref={pre}
        className="console-output mono"
        aria-label="Console output"
        aria-live="polite"
        tabIndex={0}
      >
        {transcript(echoes, output).map(({ key, text }) => (
          <span key={key}>{text}</span>
        ))}
      </pre>
      <form className="console-input" onSubmit={onSubmit}>
        <span className="mono prompt" aria-hidden="true">
          {prompt}
        </span>
        <input
          className="mono"
          aria-label="kubectl command"
          value={line}
          onChange={(e) => setLine(e.target.value)}
          placeholder="kubectl get pods"
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
        />
      </form>
    </div>
  );
}
