/**
 * The YAML tab: a manifest editor checked as you type by a server-side dry run in the worker (errors in the
 * API server's words, at their lines), buttons that type `kubectl apply` / `--dry-run=server` / `kubectl
 * diff` into the console as here-documents, templates, and the two exports. Loaded lazily (with CodeMirror).
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { CommandType, EventType } from '../../protocol';
import type { ManifestCheckedEvent, SimEvent } from '../../protocol';
import { usePlayground, useSimClient } from '../../store/usePlayground';
import { CodeEditor } from './CodeEditor';
import { diagnosticsFor } from './diagnostics';
import { classifyOutput, downloadName } from './output';
import { sessionScript } from './sessionScript';
import { TEMPLATES, kubectlHeredoc, templateById } from './templates';
import './editor.css';

/** Milliseconds of quiet typing before the manifest is checked again. */
const CHECK_DELAY_MS = 300;

let counter = 0;
const nextId = (what: string) => `editor-${what}-${++counter}`;

function download(name: string, text: string, type: string): void {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

type Check = Pick<ManifestCheckedEvent, 'parseError' | 'objects'>;

export default function YamlEditorPanel() {
  const client = useSimClient();
  const run = usePlayground((s) => s.run);
  const [text, setText] = useState(() => templateById('statefulset').text);
  const [template, setTemplate] = useState('statefulset');
  const [check, setCheck] = useState<{ text: string; result: Check } | null>(null);
  const [output, setOutput] = useState<{ command: string; text: string } | null>(null);
  const [goTo, setGoTo] = useState<{ line: number; seq: number } | null>(null);
  const pending = useRef<{ check?: string; run?: string; yaml?: string; session?: string }>({});
  const checkedText = useRef<string>('');

  const requestCheck = useCallback(
    (manifest: string) => {
      const id = nextId('check');
      pending.current.check = id;
      checkedText.current = manifest;
      client.send({ type: CommandType.dryRunManifest, id, text: manifest });
    },
    [client],
  );

  useEffect(
    () =>
      client.subscribe((event: SimEvent) => {
        const p = pending.current;
        if (event.type === EventType.manifestChecked && event.id === p.check) {
          setCheck({ text: checkedText.current, result: event });
        } else if (event.type === EventType.output && event.id !== null && event.id === p.run) {
          setOutput((o) => (o ? { ...o, text: event.text } : o));
          // The cluster changed: what apply would do now changed too.
          requestCheck(checkedText.current);
        } else if (event.type === EventType.exportedYaml && event.id === p.yaml) {
          download(downloadName(run?.scenario ?? null, run?.seed ?? null, 'yaml'), event.text, 'application/yaml');
        } else if (event.type === EventType.sessionLog && event.id === p.session) {
          download(downloadName(event.scenario, event.seed, 'sh'), sessionScript(event), 'text/x-shellscript');
        }
      }),
    [client, requestCheck, run],
  );

  // Check the manifest shortly after typing stops.
  useEffect(() => {
    const timer = setTimeout(() => requestCheck(text), CHECK_DELAY_MS);
    return () => clearTimeout(timer);
  }, [text, requestCheck]);

  const diagnostics = useMemo(() => (check ? diagnosticsFor(check.text, check.result) : []), [check]);

  const runInConsole = (verb: string) => {
    const line = kubectlHeredoc(verb, text);
    const id = nextId('run');
    pending.current.run = id;
    setOutput({ command: `kubectl ${verb} -f -`, text: '' });
    client.send({ type: CommandType.kubectl, line, id, echo: true });
  };
  const exportYaml = () => {
    const id = nextId('yaml');
    pending.current.yaml = id;
    client.send({ type: CommandType.exportYaml, id });
  };
  const exportSession = () => {
    const id = nextId('session');
    pending.current.session = id;
    client.send({ type: CommandType.exportSession, id });
  };

  // Keep the newest output (the result after the echoed manifest) in view.
  const outputPre = useRef<HTMLPreElement>(null);
  useEffect(() => {
    const pre = outputPre.current;
    if (pre) pre.scrollTop = pre.scrollHeight;
  }, [output]);

  const accepted = check?.result.objects.filter((o) => o.ok) ?? [];
  const isChecking = !check || check.text !== text;

  return (
    <div className="yaml-editor">
      <div className="dock-toolbar yaml-editor-toolbar" role="toolbar" aria-label="YAML editor">
        <label>
          Template{' '}
          <select value={template} onChange={(e) => setTemplate(e.target.value)}>
            {TEMPLATES.map((t) => (
              <option key={t.id} value={t.id}>
                {t.label}
              </option>
            ))}
          </select>
        </label>
        <button type="button" onClick={() => setText(templateById(template).text)}>
          Load template
        </button>
        <span className="yaml-editor-sep" aria-hidden="true" />
        <button type="button" className="is-primary" onClick={() => runInConsole('apply')}>
          Apply
        </button>
        <button type="button" onClick={() => runInConsole('apply --dry-run=server')}>
          Dry run
        </button>
        <button type="button" onClick={() => runInConsole('diff')}>
          Diff
        </button>
        <span className="yaml-editor-sep" aria-hidden="true" />
        <button type="button" onClick={exportYaml} title="The current objects as YAML a real cluster accepts">
          Export YAML
        </button>
        <button type="button" onClick={exportSession} title="The commands of this session as a bash script">
          Export session
        </button>
      </div>
      <div className="yaml-editor-body">
        <CodeEditor text={text} onChange={setText} diagnostics={diagnostics} label="Manifest" goTo={goTo} />
        <div className="yaml-editor-side">
          <section aria-label="Problems" className="yaml-editor-problems">
            <h3>
              Problems{' '}
              <span className="dock-muted" aria-live="polite">
                {isChecking ? '(checking…)' : diagnostics.length ? `(${diagnostics.length})` : '(none)'}
              </span>
            </h3>
            {diagnostics.length > 0 ? (
              <ul>
                {diagnostics.map((d, i) => (
                  <li key={i}>
                    <button type="button" className="dock-link" onClick={() => setGoTo({ line: d.line, seq: Date.now() })}>
                      Line {d.line}
                    </button>
                    {': '}
                    <span className="yaml-editor-message">{d.message}</span>
                  </li>
                ))}
              </ul>
            ) : (
              <ul className="yaml-editor-accepted">
                {accepted.map((o, i) => (
                  <li key={i}>{o.message}</li>
                ))}
              </ul>
            )}
          </section>
          {output && (
            <section aria-label="Output" className="yaml-editor-output">
              <h3>
                Output of <code>{output.command}</code>
              </h3>
              <pre ref={outputPre} tabIndex={0} aria-live="polite">
                {classifyOutput(output.text).map((l, i) => (
                  <span key={i} className={`yaml-out-${l.kind}`}>
                    {l.text}
                    {'\n'}
                  </span>
                ))}
              </pre>
            </section>
          )}
        </div>
      </div>
    </div>
  );
}
