/**
 * The light/dark toggle (a pressed "Dark theme" button) and the theme runtime: the resolved theme is
 * written to `<html data-theme>`, which theme.css reads, and to `color-scheme`, so form controls and
 * scrollbars match. Until the person picks, the page follows the system's preference, live.
 */
import { useSyncExternalStore } from 'react';
import { otherTheme, readPick, resolveTheme, writePick } from './theme';
import type { Theme, ThemeStorage } from './theme';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const listeners = new Set<() => void>();
let current: Theme = 'light';

function storage(): ThemeStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

function systemPrefersDark(): boolean {
  return typeof matchMedia === 'function' && matchMedia(DARK_QUERY).matches;
}

function show(theme: Theme): void {
  current = theme;
  const root = document.documentElement;
  root.dataset.theme = theme;
  root.style.colorScheme = theme;
  for (const listener of [...listeners]) listener();
}

/** Applies the remembered pick (or the system's preference) before the first render. Call once. */
export function initTheme(): void {
  show(resolveTheme(readPick(storage()), systemPrefersDark()));
  if (typeof matchMedia !== 'function') return;
  matchMedia(DARK_QUERY).addEventListener('change', (e: MediaQueryListEvent) => {
    if (readPick(storage()) === null) show(e.matches ? 'dark' : 'light');
  });
}

/** Shows `theme` and remembers it as the person's pick. */
export function pickTheme(theme: Theme): void {
  writePick(storage(), theme);
  show(theme);
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

const getTheme = () => current;

/** The theme on screen, for components that draw per theme (React Flow's `colorMode`). */
export function useTheme(): Theme {
  return useSyncExternalStore(subscribe, getTheme, getTheme);
}

export function ThemeToggle() {
  const theme = useTheme();
  const isDark = theme === 'dark';
  return (
    <button
      type="button"
      className="theme-toggle"
      aria-pressed={isDark}
      title={isDark ? 'Switch to the light theme' : 'Switch to the dark theme'}
      onClick={() => pickTheme(otherTheme(theme))}
    >
      <span aria-hidden="true" className="icon">
        {isDark ? '☾' : '☀'}
      </span>
      <span className="visually-hidden">Dark theme</span>
    </button>
  );
}
