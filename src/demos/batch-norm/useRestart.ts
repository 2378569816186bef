import { useEffect, useRef } from 'preact/hooks';

/**
 * Starts the run again (same worker, new settings) whenever `key` changes after the first
 * render: the settings that define the run changed. View-only settings leave `key` alone.
 */
export function useRestart(reset: (settings: unknown) => void, settings: unknown, key: string): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    reset(settings);
  }, [key]);
}
