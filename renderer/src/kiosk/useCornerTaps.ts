/**
 * The hidden admin gesture: five taps within 3 seconds in the top-left corner (64×64 px) of the screen.
 * Taps are read from the whole window, so the corner needs no element of its own and no visitor target
 * sits there unseen.
 */
import { useEffect, useRef } from 'react';

const TAPS = 5;
const WINDOW_MS = 3000;
const CORNER_PX = 64;

export function useCornerTaps(onGesture: () => void): void {
  const taps = useRef<number[]>([]);
  const gesture = useRef(onGesture);
  useEffect(() => {
    gesture.current = onGesture;
  }, [onGesture]);
  useEffect(() => {
    const onDown = (event: PointerEvent): void => {
      if (event.clientX > CORNER_PX || event.clientY > CORNER_PX) {
        taps.current = [];
        return;
      }
      const now = Date.now();
      taps.current = [...taps.current.filter((t) => now - t < WINDOW_MS), now];
      if (taps.current.length >= TAPS) {
        taps.current = [];
        gesture.current();
      }
    };
    window.addEventListener('pointerdown', onDown, { capture: true });
    return () => window.removeEventListener('pointerdown', onDown, { capture: true });
  }, []);
}
