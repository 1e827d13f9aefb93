/**
 * Light and dark themes, the pure part: the page follows the system's preference until the person picks
 * one with the toggle; the pick is remembered in storage and checked when read back. ThemeToggle.tsx
 * applies the result to the page.
 */

export type Theme = 'light' | 'dark';

/** The localStorage key of the person's pick. */
export const THEME_STORAGE_KEY = 'statefulset-playground.theme';

/** A stored pick, checked: anything but `light` or `dark` (or nothing) means "follow the system". */
export function parseStoredTheme(value: unknown): Theme | null {
  return value === 'light' || value === 'dark' ? value : null;
}

/** The theme to show: the person's pick, else the system's preference. */
export function resolveTheme(pick: Theme | null, systemPrefersDark: boolean): Theme {
  return pick ?? (systemPrefersDark ? 'dark' : 'light');
}

/** The other theme: what the toggle switches to. */
export function otherTheme(theme: Theme): Theme {
  return theme === 'dark' ? 'light' : 'dark';
}

/** Where the pick is kept (localStorage in the browser). */
export interface ThemeStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** The remembered pick, checked; null when there is none, it is invalid, or storage cannot be read. */
export function readPick(storage: ThemeStorage | null): Theme | null {
  try {
    return parseStoredTheme(storage?.getItem(THEME_STORAGE_KEY));
  } catch {
    return null;
  }
}

/** Remembers `theme`; a storage that is full or forbidden keeps the pick for this page only. */
export function writePick(storage: ThemeStorage | null, theme: Theme): void {
  try {
    storage?.setItem(THEME_STORAGE_KEY, theme);
  } catch {
    // Nothing to do: the theme still changes on screen.
  }
}
