/**
 * Motion for the canvas: transitions only (enter, exit, change), about 200 ms, nothing that loops.
 * Under prefers-reduced-motion every transition is instant.
 */
import { LazyMotion, MotionConfig, domAnimation, m, useReducedMotion } from 'framer-motion';
import type { ReactNode } from 'react';

/** The length of every canvas transition, in seconds. */
export const TRANSITION_S = 0.2;

/** Loads the small DOM animation feature set and applies the reduced-motion preference to everything inside. */
export function CanvasMotion({ children }: { children: ReactNode }) {
  const isReduced = useReducedMotion() ?? false;
  return (
    <LazyMotion features={domAnimation} strict>
      <MotionConfig transition={isReduced ? { duration: 0 } : { duration: TRANSITION_S, ease: 'easeOut' }}>
        {children}
      </MotionConfig>
    </LazyMotion>
  );
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
  return (
    <m.div
      className={className}
      initial={{ opacity: 0, scale: 0.9 }}
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
    <m.span
      key={value}
      className={className}
      initial={{ opacity: 0.35, y: -3 }}
      animate={{ opacity: 1, y: 0 }}
    >
      {children}
    </m.span>
  );
}
