/**
 * Motion for the canvas: transitions only (enter, exit, change), about 200 ms, nothing that loops.
 * Under prefers-reduced-motion every transition is instant, and what changed gets a brief highlight
 * instead: objects that arrive and words that change carry the classes `is-new` / `is-changed`, which
 * canvas.css turns into a short, still ring (no movement) only under that preference.
 */
import { LazyMotion, MotionConfig, domAnimation, m, useReducedMotion } from 'framer-motion';
import { createContext, useContext, useEffect, useState } from 'react';
import type { ReactNode } from 'react';

/** The length of every canvas transition, in seconds. */
export const TRANSITION_S = 0.2;

/**
 * Objects drawn within this long of the first object are the starting picture, not changes: they get no
 * highlight.
 */
export const FIRST_DRAW_MS = 1000;

/** Whether the starting picture is drawn, so objects that mount from now on are changes. */
const FirstPictureDrawn = createContext(false);

/**
 * True once FIRST_DRAW_MS have passed since the canvas first had objects (`hasObjects`); the canvas shows
 * it as aria-busy until then.
 */
export function useFirstPictureDrawn(hasObjects: boolean): boolean {
  const [isDrawn, setDrawn] = useState(false);
  useEffect(() => {
    if (!hasObjects || isDrawn) return;
    const timer = setTimeout(() => setDrawn(true), FIRST_DRAW_MS);
    return () => clearTimeout(timer);
  }, [hasObjects, isDrawn]);
  return isDrawn;
}

/** Loads the small DOM animation feature set and applies the reduced-motion preference to everything inside. */
export function CanvasMotion({
  isFirstPictureDrawn,
  children,
}: {
  /** From useFirstPictureDrawn: objects mounting after it are changes. */
  isFirstPictureDrawn: boolean;
  children: ReactNode;
}) {
  const isReduced = useReducedMotion() ?? false;
  return (
    <FirstPictureDrawn.Provider value={isFirstPictureDrawn}>
      <LazyMotion features={domAnimation} strict>
        <MotionConfig transition={isReduced ? { duration: 0 } : { duration: TRANSITION_S, ease: 'easeOut' }}>
          {children}
        </MotionConfig>
      </LazyMotion>
    </FirstPictureDrawn.Provider>
  );
}

/** True when the component mounted as a change (after the canvas's starting picture), fixed at mount. */
export function useIsChange(): boolean {
  const isDrawn = useContext(FirstPictureDrawn);
  const [isChange] = useState(isDrawn);
  return isChange;
}

/**
 * A card that fades and scales in when it mounts (a new object, keyed by uid), and fades out while
 * `isExiting`.
 */
export function Appear({
  isExiting,
  className,
  children,
}: {
  isExiting: boolean;
  className: string;
  children: ReactNode;
}) {
  const isNew = useIsChange();
  const isReduced = useReducedMotion() ?? false;
  return (
    <m.div
      className={isNew ? `${className} is-new` : className}
      initial={isReduced ? false : { opacity: 0, scale: 0.9 }}
      animate={isExiting ? { opacity: 0, scale: 0.96 } : { opacity: 1, scale: 1 }}
    >
      {children}
    </m.div>
  );
}

/** Text that flashes in when its `value` changes (a status word turning from Pending to Running). */
export function Changing({
  value,
  className,
  children,
}: {
  value: string;
  className: string;
  children: ReactNode;
}) {
  return (
    <ChangingText key={value} className={className}>
      {children}
    </ChangingText>
  );
}

/** One value of a Changing text: mounted anew for each value, so it knows whether it is a change. */
function ChangingText({ className, children }: { className: string; children: ReactNode }) {
  const isChanged = useIsChange();
  const isReduced = useReducedMotion() ?? false;
  return (
    <m.span
      className={isChanged ? `${className} is-changed` : className}
      initial={isReduced ? false : { opacity: 0.35, y: -3 }}
      animate={{ opacity: 1, y: 0 }}
    >
      {children}
    </m.span>
  );
}
