import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls `restart` whenever `key` changes, but not on the first render: the trainer has just been
 * created with these settings. For settings that need a new run (data, network, seed).
 */
export function useRestartOn(key: string, restart: () => void): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    restart();
  }, [key]);
}
