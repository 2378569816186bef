import type { ComponentChildren } from 'preact';
import { SettingControl } from '../ui/SettingControl.tsx';
import type { Fields } from '../settings-kit.ts';

interface Props<F extends Fields> {
  id: string;
  fields: F;
  settings: Record<keyof F, number | string | boolean>;
  /** The settings the chapter lets the learner change. */
  controls: (keyof F)[];
  /** Shown first, always open; `more` go in a closed "More settings" box. */
  main: (keyof F)[];
  more: (keyof F)[];
  onChange: (k: keyof F, v: number | string | boolean) => void;
  /** Controls placed before the main ones (what the views show: layer, feature). */
  children?: ComponentChildren;
  moreLabel?: string;
}

/** A batch-norm demo's settings: the main ones in a row, the rest behind "More settings". */
export function SettingsPanel<F extends Fields>({ id, fields, settings, controls, main, more, onChange, children, moreLabel = 'More settings (each change starts a new run)' }: Props<F>) {
  const control = (k: keyof F) =>
    controls.includes(k) ? <SettingControl key={String(k)} id={`${id}-${String(k)}`} field={fields[k]} value={settings[k]} onChange={(v) => onChange(k, v)} /> : null;
  const extra = more.filter((k) => controls.includes(k));
  return (
    <>
      {(children || main.some((k) => controls.includes(k))) && <div class="controls">{children}{main.map(control)}</div>}
      {extra.length > 0 && (
        <details class="bn-details">
          <summary>{moreLabel}</summary>
          <div class="controls">{extra.map(control)}</div>
        </details>
      )}
    </>
  );
}
