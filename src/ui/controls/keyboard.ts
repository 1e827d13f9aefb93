/** Keyboard shortcuts of the controls: Space plays and pauses, unless focus is where Space types or clicks. */

/** The parts of a focused element that decide whether Space belongs to it. */
export interface FocusTarget {
  tagName: string;
  isContentEditable?: boolean;
  role?: string | null;
  /** `type` of an input. */
  type?: string | null;
}

/** The parts of a key event that matter. */
export interface KeyPress {
  key: string;
  repeat?: boolean;
  altKey?: boolean;
  ctrlKey?: boolean;
  metaKey?: boolean;
  shiftKey?: boolean;
  defaultPrevented?: boolean;
}

/** Elements whose own Space action (typing, clicking, toggling, choosing) must not be taken over. */
const SPACE_TAGS = new Set(['INPUT', 'TEXTAREA', 'SELECT', 'BUTTON', 'A', 'SUMMARY', 'OPTION', 'DIALOG']);
const SPACE_ROLES = new Set([
  'button',
  'checkbox',
  'radio',
  'switch',
  'textbox',
  'searchbox',
  'combobox',
  'slider',
  'spinbutton',
  'menuitem',
  'menuitemcheckbox',
  'menuitemradio',
  'option',
  'tab',
  'link',
  'treeitem',
  'gridcell',
]);

/** True when Space pressed on `target` should toggle play (focus is not in a field or on a control). */
export function isSpaceForPlay(press: KeyPress, target: FocusTarget | null): boolean {
  if (press.key !== ' ' || press.repeat || press.defaultPrevented) return false;
  if (press.altKey || press.ctrlKey || press.metaKey || press.shiftKey) return false;
  if (!target) return true;
  if (target.isContentEditable) return false;
  if (SPACE_TAGS.has(target.tagName.toUpperCase())) return false;
  return !(target.role && SPACE_ROLES.has(target.role));
}
