/** Small line icons for the header's sharing buttons (decorative: each button keeps its words as its name). */
import type { ReactNode } from 'react';

function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      className="header-icon"
      viewBox="0 0 24 24"
      width="18"
      height="18"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

/** Two chain links. */
export function LinkIcon() {
  return (
    <Icon>
      <path d="M10 13a5 5 0 0 0 7.5.5l3-3a5 5 0 0 0-7-7l-1.7 1.7" />
      <path d="M14 11a5 5 0 0 0-7.5-.5l-3 3a5 5 0 0 0 7 7l1.7-1.7" />
    </Icon>
  );
}

/** A box with an arrow leaving it. */
export function ShareIcon() {
  return (
    <Icon>
      <path d="M4 12v7a2 2 0 0 0 2 2h12a2 2 0 0 0 2-2v-7" />
      <path d="M16 6l-4-4-4 4" />
      <path d="M12 2v13" />
    </Icon>
  );
}

/** A projection screen on a stand. */
export function PresenterIcon() {
  return (
    <Icon>
      <rect x="3" y="3" width="18" height="12" rx="1" />
      <path d="M12 15v4" />
      <path d="M8 21l4-2 4 2" />
    </Icon>
  );
}
