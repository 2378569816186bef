import type { Fields } from './settings-kit.ts';
import { chapterError } from '../lib/rendering-chapter.ts';

/** Props every demo wrapper takes besides its settings. */
export const RESERVED_PROPS = ['id', 'title', 'caption', 'controls'] as const;

export interface DemoChrome {
  id: string;
  title: string;
  caption?: string;
  controls: string[];
  reserved: readonly string[];
}

/**
 * Reads and validates the props shared by every demo wrapper; throws (failing the build) with a
 * message naming the demo and the prop.
 */
export function demoChrome(demo: string, fields: Fields, props: Record<string, unknown>, defaults: { id: string; title: string; caption?: string; controls: string[] }): DemoChrome {
  const id = props.id ?? defaults.id;
  if (typeof id !== 'string' || !/^[a-z][a-z0-9-]*$/.test(id)) {
    throw chapterError(`<${demo}>: "id" must be lower-case letters, digits and dashes, starting with a letter; got ${JSON.stringify(id)}`, demo, 'id');
  }
  for (const k of ['title', 'caption'] as const) {
    if (props[k] !== undefined && typeof props[k] !== 'string') throw chapterError(`<${demo}>: "${k}" must be text; got ${JSON.stringify(props[k])}`, demo, k);
  }
  let controls = props.controls ?? defaults.controls;
  if (typeof controls === 'string') controls = controls.split(',').map((c) => c.trim()).filter(Boolean);
  // Own fields only: `controls="constructor"` is not a setting (it used to give a NaN slider).
  if (!Array.isArray(controls) || !controls.every((c) => typeof c === 'string' && Object.hasOwn(fields, c))) {
    throw chapterError(`<${demo}>: "controls" must list settings of this demo (${Object.keys(fields).join(', ')}); got ${JSON.stringify(props.controls)?.slice(0, 200)}`, demo, 'controls');
  }
  return {
    id,
    title: (props.title as string | undefined) ?? defaults.title,
    caption: (props.caption as string | undefined) ?? defaults.caption,
    controls: controls as string[],
    reserved: RESERVED_PROPS,
  };
}
