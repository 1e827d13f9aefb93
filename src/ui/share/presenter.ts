/**
 * Presenter mode for workshops: large type, high contrast and hidden chrome, for a projector. It is the
 * class `presenter` on <html> (share.css sets larger CSS variables under it); the lessons may read the
 * class, or `isPresenter()`, to step through a lesson with the keyboard. `?presenter=1` starts in it.
 */
import { useSyncExternalStore } from 'react';

export const PRESENTER_CLASS = 'presenter';
const listeners = new Set<() => void>();

/** True while presenter mode is on. */
export function isPresenter(): boolean {
  return document.documentElement.classList.contains(PRESENTER_CLASS);
}

/** Turns presenter mode on or off. */
export function setPresenter(on: boolean): void {
  document.documentElement.classList.toggle(PRESENTER_CLASS, on);
  for (const listener of [...listeners]) listener();
}

/** Reads `presenter=1` from a query string (anything else, or none, is off). */
export function presenterFromSearch(search: string): boolean {
  const value = new URLSearchParams(search).get('presenter');
  return value !== null && ['', '1', 'true'].includes(value.trim().toLowerCase());
}

/** React access to the mode. */
export function usePresenter(): boolean {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    isPresenter,
    () => false,
  );
}
