import { useEffect, useState } from 'preact/hooks';

/**
 * False in the server's render and in hydration's first pass (so it matches the HTML), then true.
 * For form fields drawn only once a demo has hydrated (Select.tsx and NumberInput.tsx say why).
 */
export function useHydrated(): boolean {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}
