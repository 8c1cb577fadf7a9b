// Locks the till after the store's idle time (TerminalInfo.idle_lock_seconds, default 5 minutes)
// without a touch, a click or a key. Any of those starts the time again.
import { useEffect } from 'preact/hooks';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'wheel', 'touchstart'] as const;

export function useIdleLock(seconds: number, active: boolean, onIdle: () => void): void {
  useEffect(() => {
    if (!active) return undefined;
    let timer = setTimeout(onIdle, seconds * 1000);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(onIdle, seconds * 1000);
    };
    for (const type of ACTIVITY_EVENTS) window.addEventListener(type, restart, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY_EVENTS) window.removeEventListener(type, restart, { capture: true });
    };
  }, [seconds, active, onIdle]);
}
