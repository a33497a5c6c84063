/**
 * The two-tier idle timer: after `idleSeconds` with no touch, key, scroll or typing, a countdown of
 * `countdownSeconds` runs; any activity stops it, and when it reaches 0 `onTimeout` runs. Media that is
 * playing counts as activity, so a visitor watching a film is never reset.
 */
import { useEffect, useRef, useState } from 'react';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'scroll', 'touchstart', 'input'] as const;
const TICK_MS = 250;

function mediaPlaying(): boolean {
  return Array.from(document.querySelectorAll<HTMLMediaElement>('video, audio')).some(
    (m) => !m.paused && !m.ended && m.readyState > 2,
  );
}

/** Seconds left on the countdown, or null while the visitor is active. */
export function useIdle(idleSeconds: number, countdownSeconds: number, onTimeout: () => void): number | null {
  const [left, setLeft] = useState<number | null>(null);
  const last = useRef(0);
  const timeout = useRef(onTimeout);
  useEffect(() => {
    timeout.current = onTimeout;
  }, [onTimeout]);

  useEffect(() => {
    const active = (): void => {
      last.current = Date.now();
      setLeft(null);
    };
    last.current = Date.now();
    for (const name of ACTIVITY_EVENTS) window.addEventListener(name, active, { capture: true, passive: true });
    let fired = false;
    const tick = setInterval(() => {
      if (mediaPlaying()) last.current = Date.now();
      const idleFor = (Date.now() - last.current) / 1000;
      if (idleFor < idleSeconds) {
        setLeft(null);
        return;
      }
      const remaining = Math.max(0, Math.ceil(idleSeconds + countdownSeconds - idleFor));
      setLeft(remaining);
      if (remaining === 0 && !fired) {
        fired = true;
        timeout.current();
      }
    }, TICK_MS);
    return () => {
      clearInterval(tick);
      for (const name of ACTIVITY_EVENTS) window.removeEventListener(name, active, { capture: true });
    };
  }, [idleSeconds, countdownSeconds]);

  return left;
}
