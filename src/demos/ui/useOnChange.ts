import { useEffect, useRef } from 'preact/hooks';

/**
 * Calls `fn` whenever one of `deps` changes, but not on the first render: the trainer has just
 * been created with these settings. For settings that need a new run (data, network, seed:
 * `t.reset(settings)`) and for the live ones that reach the running network (`t.update(...)`).
 */
export function useOnChange(deps: unknown[], fn: () => void): void {
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    fn();
  }, deps);
}
