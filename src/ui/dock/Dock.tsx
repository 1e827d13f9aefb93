/**
 * The bottom dock: Console, Events and Inspector tabs under the canvas, with a separator to resize it (drag,
 * or focus it and use the arrow keys). Selecting an object anywhere opens the Inspector.
 */
import { useEffect, useRef, useState } from 'react';
import type { KeyboardEvent, PointerEvent } from 'react';
import type { ObjectRef } from '../../store/playgroundStore';
import { usePlayground, usePlaygroundStore } from '../../store/usePlayground';
import { onInspectorFocusRequest } from '../inspectFocus';
import { EditorTab } from '../editor/EditorTab';
import { Console } from './Console';
import { EventsTable } from './EventsTable';
import { Inspector } from './Inspector';
import { TabList, tabPanelProps } from './TabList';
import { eventSubjects, refLabel } from './inspectables';
import {
  MIN_DOCK_HEIGHT,
  clampDockHeight,
  defaultDockHeight,
  maxDockHeight,
  resizeByDrag,
  resizeByKey,
} from './layout';
import './dock.css';

type DockTab = 'console' | 'events' | 'inspector' | 'yaml';

/** The Events tab's "only this object" filter, set from the inspector. */
interface OnlyFilter {
  subjects: ObjectRef[];
  label: string;
  isOn: boolean;
}

function useViewportHeight(): number {
  const [height, setHeight] = useState(() => window.innerHeight);
  useEffect(() => {
    const onResize = () => setHeight(window.innerHeight);
    window.addEventListener('resize', onResize);
    return () => window.removeEventListener('resize', onResize);
  }, []);
  return height;
}

function Separator({
  height,
  setHeight,
  viewport,
}: {
  height: number;
  setHeight: (h: number) => void;
  viewport: number;
}) {
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    const next = resizeByKey(e.key, height, viewport);
    if (next === null) return;
    e.preventDefault();
    setHeight(next);
  };
  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    drag.current = { startY: e.clientY, startHeight: height };
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    if (drag.current)
      setHeight(resizeByDrag(drag.current.startHeight, drag.current.startY, e.clientY, viewport));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = null;
    if (e.currentTarget.hasPointerCapture(e.pointerId)) e.currentTarget.releasePointerCapture(e.pointerId);
  };
  return (
    <div
      className="dock-separator"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the dock"
      aria-controls="dock-body"
      aria-valuenow={height}
      aria-valuemin={MIN_DOCK_HEIGHT}
      aria-valuemax={maxDockHeight(viewport)}
      aria-valuetext={`${height} pixels tall`}
      tabIndex={0}
      onKeyDown={onKeyDown}
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
    />
  );
}

export function Dock() {
  const store = usePlaygroundStore();
  const selection = usePlayground((s) => s.selection);
  const [tab, setTab] = useState<DockTab>('console');
  const [only, setOnly] = useState<OnlyFilter | null>(null);
  const viewport = useViewportHeight();
  const [preferredHeight, setPreferredHeight] = useState(() => defaultDockHeight(window.innerHeight));
  const height = clampDockHeight(preferredHeight, viewport);

  // A new selection (a click on the canvas, the picker) opens the inspector; so does Enter on the canvas.
  useEffect(
    () =>
      store.subscribe((state, previous) => {
        if (state.selection && state.selection !== previous.selection) setTab('inspector');
      }),
    [store],
  );
  useEffect(() => onInspectorFocusRequest(store, () => setTab('inspector')), [store]);

  // After an action ran from the inspector, the console shows its echo and takes focus for the next line.
  const section = useRef<HTMLElement>(null);
  const isConsoleFocusDue = useRef(false);
  useEffect(() => {
    if (!isConsoleFocusDue.current || tab !== 'console') return;
    isConsoleFocusDue.current = false;
    section.current?.querySelector<HTMLInputElement>('.dock-console-input input')?.focus();
  }, [tab]);

  // The Events tab offers "only this object" for the filter the inspector set, else for the selection.
  const offer: OnlyFilter | null =
    only ?? (selection ? { subjects: [], label: refLabel(selection), isOn: false } : null);
  const setOnlyOn = (isOn: boolean) => {
    if (only) setOnly({ ...only, isOn });
    else if (selection)
      setOnly({
        subjects: eventSubjects(store.getState().snapshot, selection),
        label: refLabel(selection),
        isOn,
      });
  };

  const tabs = [
    { id: 'console' as const, label: 'Console' },
    { id: 'events' as const, label: 'Events' },
    {
      id: 'inspector' as const,
      label: (
        <>
          Inspector
          {selection && <span className="dock-tab-detail">{refLabel(selection)}</span>}
        </>
      ),
    },
    { id: 'yaml' as const, label: 'YAML' },
  ];

  return (
    <section ref={section} className="bottom-dock" aria-label="Dock" style={{ height }}>
      <Separator height={height} setHeight={setPreferredHeight} viewport={viewport} />
      <TabList label="Dock" idPrefix="dock" tabs={tabs} active={tab} onChange={setTab} />
      <div id="dock-body" className="dock-body">
        <div {...tabPanelProps('dock', 'console', tab)} className="dock-panel">
          <Console />
        </div>
        <div {...tabPanelProps('dock', 'events', tab)} className="dock-panel">
          {tab === 'events' && (
            <EventsTable subjects={only?.isOn ? only.subjects : null} label="Events" hasControls>
              {offer && (
                <label>
                  <input type="checkbox" checked={offer.isOn} onChange={(e) => setOnlyOn(e.target.checked)} />{' '}
                  Only {offer.label}
                </label>
              )}
            </EventsTable>
          )}
        </div>
        <div {...tabPanelProps('dock', 'inspector', tab)} className="dock-panel">
          {tab === 'inspector' && (
            <Inspector
              onRan={() => {
                isConsoleFocusDue.current = true;
                setTab('console');
              }}
              onOpenEvents={(subjects, label) => {
                setOnly({ subjects, label, isOn: true });
                setTab('events');
              }}
            />
          )}
        </div>
        <div {...tabPanelProps('dock', 'yaml', tab)} className="dock-panel">
          <EditorTab isActive={tab === 'yaml'} />
        </div>
      </div>
    </section>
  );
}
