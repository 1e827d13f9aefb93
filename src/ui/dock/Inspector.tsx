/**
 * The inspector: the selected object's `kubectl describe` and `-o yaml` text (printed by kubectl's own
 * printers in the worker), its events, a pod's files, and context actions that run real commands. An object
 * is selected on the canvas (click / Enter) or with the picker here.
 */
import { useEffect, useMemo, useReducer, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import { CommandType } from '../../protocol';
import { objectKey, selectSelection } from '../../store/playgroundStore';
import type { ObjectRef } from '../../store/playgroundStore';
import { usePlayground, usePlaygroundStore, useSimClient } from '../../store/usePlayground';
import { onInspectorFocusRequest, takeInspectorFocusRequest, takeInspectorOrigin } from '../inspectFocus';
import { EventsTable } from './EventsTable';
import { InspectorActions } from './InspectorActions';
import { PodFiles } from './PodFiles';
import { TabList, tabPanelProps } from './TabList';
import { eventSubjects, existsIn, inspectables, isApiObject, refKey, refLabel } from './inspectables';
import type { Inspectable } from './inspectables';
import { useRunLine } from './useRunLine';

type View = 'describe' | 'yaml' | 'events' | 'files';

const VIEW_LABELS: Record<View, string> = {
  describe: 'Describe',
  yaml: 'YAML',
  events: 'Events',
  files: 'Files',
};

function viewsFor(ref: ObjectRef): View[] {
  if (!isApiObject(ref)) return ['events'];
  return ref.kind === 'Pod' ? ['describe', 'yaml', 'events', 'files'] : ['describe', 'yaml', 'events'];
}

function ObjectPicker({ selection }: { selection: ObjectRef | null }) {
  const store = usePlaygroundStore();
  // A string selector: the picker re-renders when the set of objects changes, not on every tick.
  const listed = usePlayground((s) => JSON.stringify(inspectables(s.snapshot)));
  const all = useMemo(() => JSON.parse(listed) as Inspectable[], [listed]);
  const groups = [...new Set(all.map((i) => i.group))];
  const value = selection ? refKey(selection) : '';
  const isListed = all.some((i) => refKey(i.ref) === value);
  return (
    <label className="dock-picker">
      Inspect{' '}
      <select
        aria-label="Inspect object"
        value={value}
        onChange={(e) =>
          store.getState().select(all.find((i) => refKey(i.ref) === e.target.value)?.ref ?? null)
        }
      >
        <option value="">Choose an object…</option>
        {selection && !isListed && <option value={value}>{refLabel(selection)} (gone)</option>}
        {groups.map((g) => (
          <optgroup key={g} label={g}>
            {all
              .filter((i) => i.group === g)
              .map((i) => (
                <option key={refKey(i.ref)} value={refKey(i.ref)}>
                  {i.label}
                </option>
              ))}
          </optgroup>
        ))}
      </select>
    </label>
  );
}

/** Buttons to move between a node and its zone (the keyboard path between related objects). */
function Related({ target }: { target: ObjectRef }) {
  const store = usePlaygroundStore();
  const nodesJson = usePlayground((s) =>
    JSON.stringify((s.snapshot?.nodes ?? []).map(({ name, zone, status }) => ({ name, zone, status }))),
  );
  const nodes = useMemo(
    () => JSON.parse(nodesJson) as { name: string; zone: string | null; status: string }[],
    [nodesJson],
  );
  const select = (ref: ObjectRef) => store.getState().select(ref);
  if (target.kind === 'Node') {
    const zone = nodes.find((n) => n.name === target.name)?.zone;
    if (!zone) return null;
    return (
      <p className="dock-related">
        In{' '}
        <button
          type="button"
          className="dock-link"
          onClick={() => select({ kind: 'Zone', namespace: null, name: zone })}
        >
          Zone {zone}
        </button>
      </p>
    );
  }
  if (target.kind === 'Zone') {
    const inZone = nodes.filter((n) => n.zone === target.name);
    return (
      <p className="dock-related">
        Nodes:{' '}
        {inZone.map((n) => (
          <button
            key={n.name}
            type="button"
            className="dock-link"
            onClick={() => select({ kind: 'Node', namespace: null, name: n.name })}
          >
            Node {n.name} ({n.status})
          </button>
        ))}
      </p>
    );
  }
  return null;
}

export interface InspectorProps {
  /** Called after an action ran its command (the dock shows the console). */
  onRan: () => void;
  /** Opens the dock's Events tab showing only these objects' events. */
  onOpenEvents: (subjects: ObjectRef[], label: string) => void;
}

export function Inspector({ onRan, onOpenEvents }: InspectorProps) {
  const client = useSimClient();
  const store = usePlaygroundStore();
  const selection = usePlayground(selectSelection);
  const [view, setView] = useState<View>('describe');
  const key = selection ? objectKey(selection.kind, selection.namespace, selection.name) : '';
  const described = usePlayground((s) => s.described[key]);
  const yaml = usePlayground((s) => s.yaml[key]);
  const podFiles = usePlayground((s) => (selection?.kind === 'Pod' ? s.podFiles[key] : undefined));
  const views = selection ? viewsFor(selection) : [];
  const active = views.includes(view) ? view : (views[0] ?? 'describe');

  // Whether the object still exists, and whose events it shows, as strings: no re-render on every tick.
  const isGone = usePlayground(
    (s) => s.snapshot !== null && selection !== null && !existsIn(s.snapshot, selection),
  );
  const subjectsJson = usePlayground((s) =>
    JSON.stringify(selection ? eventSubjects(s.snapshot, selection) : []),
  );
  const subjects = useMemo(() => JSON.parse(subjectsJson) as ObjectRef[], [subjectsJson]);

  // Ask now, and again whenever the cluster changed, so the texts stay live while time passes.
  useEffect(() => {
    if (!selection || !isApiObject(selection)) return;
    const { kind, namespace, name } = selection;
    const ask = () => {
      if (active === 'describe') client.send({ type: CommandType.describe, kind, namespace, name });
      if (active === 'yaml') client.send({ type: CommandType.printYaml, kind, namespace, name });
      if (kind === 'Pod' && namespace) client.send({ type: CommandType.podFiles, namespace, name });
    };
    ask();
    return store.subscribe((state, previous) => {
      if (state.snapshot !== previous.snapshot) ask();
    });
  }, [client, store, selection, active]);

  // Enter on a canvas object moves focus to the heading here, so Tab reaches the actions next; Escape goes back.
  const title = useRef<HTMLHeadingElement>(null);
  const [requests, onRequest] = useReducer((n: number) => n + 1, 0);
  useEffect(() => onInspectorFocusRequest(store, onRequest), [store]);
  useEffect(() => {
    if (title.current && takeInspectorFocusRequest(store)) title.current.focus();
  }, [store, selection, requests]);
  const onEscape = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key !== 'Escape' || e.defaultPrevented) return;
    const origin = takeInspectorOrigin(store);
    if (!origin) return;
    e.preventDefault();
    origin.focus();
    store.getState().select(null);
  };

  const run = useRunLine();
  const runAndShow = (line: string) => {
    run(line);
    onRan();
  };

  if (!selection) {
    return (
      <div className="dock-inspector">
        <ObjectPicker selection={null} />
        <p className="dock-empty">
          Select a pod, node, zone, volume, Service or workload on the canvas (click it, or focus it and press
          Enter), or choose one above.
        </p>
      </div>
    );
  }
  const label = refLabel(selection);
  return (
    <div className="dock-inspector is-split" onKeyDown={onEscape}>
      <div className="dock-inspector-side">
        <ObjectPicker selection={selection} />
        <h3 ref={title} className="dock-inspector-title" tabIndex={-1}>
          {label}
          {isGone && <span className="dock-muted"> (no longer exists)</span>}
        </h3>
        <Related target={selection} />
        <InspectorActions target={selection} run={runAndShow} podFiles={podFiles} />
      </div>
      <div className="dock-inspector-main">
        <TabList
          label="Inspector views"
          idPrefix="inspector"
          tabs={views.map((id) => ({ id, label: VIEW_LABELS[id] }))}
          active={active}
          onChange={setView}
          className="dock-subtabs"
        />
        {views.map((id) => (
          <div key={id} {...tabPanelProps('inspector', id, active)} className="dock-inspector-panel">
            {id === active && id === 'describe' && (
              <pre className="dock-text" aria-label="kubectl describe output" tabIndex={0}>
                {described?.text ?? 'Loading…'}
              </pre>
            )}
            {id === active && id === 'yaml' && (
              <pre className="dock-text" aria-label="kubectl get -o yaml output" tabIndex={0}>
                {yaml?.text ?? 'Loading…'}
              </pre>
            )}
            {id === active && id === 'events' && (
              <>
                <button type="button" className="dock-link" onClick={() => onOpenEvents(subjects, label)}>
                  Open in the Events tab
                </button>
                <EventsTable subjects={subjects} label={`Events of ${label}`} />
              </>
            )}
            {id === active && id === 'files' && <PodFiles listing={podFiles} />}
          </div>
        ))}
      </div>
    </div>
  );
}
