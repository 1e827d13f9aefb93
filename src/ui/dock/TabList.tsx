/**
 * A WAI-ARIA tab list (automatic activation): Left/Right/Home/End move between tabs and select them; only
 * the selected tab is in the Tab order. The caller renders the panels with `tabPanelProps`.
 */
import { useRef } from 'react';
import type { KeyboardEvent, ReactNode } from 'react';
import { nextTabIndex } from './layout';

export interface TabSpec<T extends string> {
  id: T;
  label: ReactNode;
}

interface Props<T extends string> {
  /** The tab list's accessible name. */
  label: string;
  /** Prefix of the tab and panel element ids (unique on the page). */
  idPrefix: string;
  tabs: readonly TabSpec<T>[];
  active: T;
  onChange: (id: T) => void;
  className?: string;
}

export function tabId(idPrefix: string, id: string): string {
  return `${idPrefix}-tab-${id}`;
}

export function panelId(idPrefix: string, id: string): string {
  return `${idPrefix}-panel-${id}`;
}

/** Props for the panel of tab `id`. */
export function tabPanelProps(idPrefix: string, id: string, active: string) {
  return {
    role: 'tabpanel',
    id: panelId(idPrefix, id),
    'aria-labelledby': tabId(idPrefix, id),
    hidden: id !== active,
  } as const;
}

export function TabList<T extends string>({ label, idPrefix, tabs, active, onChange, className }: Props<T>) {
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = nextTabIndex(e.key, index, tabs.length);
    if (next === null) return;
    e.preventDefault();
    onChange(tabs[next]!.id);
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={className ?? 'dock-tabs'}>
      {tabs.map((tab, index) => (
        <button
          key={tab.id}
          ref={(el) => {
            buttons.current[index] = el;
          }}
          type="button"
          role="tab"
          id={tabId(idPrefix, tab.id)}
          aria-selected={tab.id === active}
          aria-controls={panelId(idPrefix, tab.id)}
          tabIndex={tab.id === active ? 0 : -1}
          onClick={() => onChange(tab.id)}
          onKeyDown={(e) => onKeyDown(e, index)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
