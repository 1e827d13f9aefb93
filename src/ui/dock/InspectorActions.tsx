/**
 * Context actions for the inspected object. Each button shows the command line it runs; pressing it sends
 * that line to the terminal, where it is echoed and answered exactly as if typed.
 */
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { InspectedPodFiles, ObjectRef } from '../../store/playgroundStore';
import { usePlayground } from '../../store/usePlayground';
import { actionsFor, isScalable, podCommands, workloadCommands } from './actions';

interface Props {
  target: ObjectRef;
  /** Runs a command line (and shows the console). */
  run: (line: string) => void;
  /** The pod's volumes, to offer their mount paths for Write data. */
  podFiles: InspectedPodFiles | undefined;
}

function CommandButton({
  label,
  command,
  run,
}: {
  label: string;
  command: string;
  run: (line: string) => void;
}) {
  const id = useId();
  return (
    <div className="dock-action">
      <button type="button" aria-describedby={id} onClick={() => run(command)}>
        {label}
      </button>
      <code id={id}>{command}</code>
    </div>
  );
}

function ScaleForm({ target, run }: { target: ObjectRef; run: (line: string) => void }) {
  const current = usePlayground(
    (s) =>
      s.snapshot?.workloads.find(
        (w) => w.kind === target.kind && w.name === target.name && w.namespace === target.namespace,
      )?.replicas,
  );
  const [replicas, setReplicas] = useState<number | null>(null);
  const value = replicas ?? current ?? 1;
  const id = useId();
  const command = workloadCommands.scale(target, value);
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    run(command);
    setReplicas(null);
  };
  return (
    <form className="dock-action" onSubmit={onSubmit}>
      <label htmlFor={id}>Replicas</label>
      <input
        id={id}
        type="number"
        min={0}
        max={50}
        value={value}
        onChange={(e) => setReplicas(Math.max(0, Math.min(50, Math.trunc(Number(e.target.value) || 0))))}
      />
      <button type="submit" aria-describedby={`${id}-cmd`}>
        Scale
      </button>
      <code id={`${id}-cmd`}>{command}</code>
    </form>
  );
}

function WriteDataForm({ target, run, podFiles }: Props) {
  const writable = (podFiles?.mounts ?? []).filter(
    (m) => !m.readOnly && (m.source === 'persistentVolumeClaim' || m.source === 'emptyDir'),
  );
  const [text, setText] = useState('hello from the playground');
  const [mountPath, setMountPath] = useState<string | null>(null);
  const chosen = writable.find((m) => m.mountPath === mountPath) ?? writable[0];
  const dir = chosen?.mountPath ?? '/var/lib/mysql';
  const path = `${dir.replace(/\/+$/, '')}/notes.txt`;
  const command = podCommands.writeLine(target, path, text);
  const id = useId();
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    run(command);
  };
  return (
    <form className="dock-action dock-write" onSubmit={onSubmit} aria-label="Write data">
      <label htmlFor={`${id}-text`}>Text to write</label>
      <input id={`${id}-text`} value={text} onChange={(e) => setText(e.target.value)} />
      {writable.length > 1 && (
        <label>
          to{' '}
          <select value={chosen?.mountPath} onChange={(e) => setMountPath(e.target.value)}>
            {writable.map((m) => (
              <option key={m.mountPath} value={m.mountPath}>
                {m.mountPath} ({m.claimName ?? m.volumeName})
              </option>
            ))}
          </select>
        </label>
      )}
      <button type="submit" aria-describedby={`${id}-cmd`}>
        Write data
      </button>
      <code id={`${id}-cmd`}>{command}</code>
    </form>
  );
}

export function InspectorActions({ target, run, podFiles }: Props) {
  const actions = actionsFor(target);
  if (!actions.length && !isScalable(target.kind)) return null;
  return (
    <section className="dock-actions" aria-label="Actions">
      {isScalable(target.kind) && <ScaleForm target={target} run={run} />}
      {actions.map((a) => (
        <CommandButton key={a.label} label={a.label} command={a.command} run={run} />
      ))}
      {target.kind === 'Pod' && <WriteDataForm target={target} run={run} podFiles={podFiles} />}
    </section>
  );
}
