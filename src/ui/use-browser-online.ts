// The page's own view of the network: navigator.onLine and its events, read in the page itself so
// the status bar says "Offline" the moment the browser knows, not when the worker's next status
// arrives (a pass in flight may hold that back until its request times out).
import { useEffect, useState } from 'preact/hooks';

export function useBrowserOnline(): boolean {
  const [online, setOnline] = useState(() => navigator.onLine);
  useEffect(() => {
    const update = () => setOnline(navigator.onLine);
    window.addEventListener('online', update);
    window.addEventListener('offline', update);
    return () => {
      window.removeEventListener('online', update);
      window.removeEventListener('offline', update);
    };
  }, []);
  return online;
}
