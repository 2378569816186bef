/**
 * Vite plugin: the demo list for the browser, as loaders. `virtual:demo-definitions` maps every
 * demo's id to a loader of its definition module (`() => import('/src/demos/dropout/demo.ts')`),
 * derived from the one list, src/demos/index.ts: a page then loads only the definitions of the
 * demos it places, and a training worker only the one it runs (importing the list itself would
 * ship every demo's fields and texts to every page and worker).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Plugin } from 'vite';
import { demos } from '../demos/index.ts';

export const DEMO_DEFINITIONS = 'virtual:demo-definitions';
const RESOLVED = `\0${DEMO_DEFINITIONS}`;

export interface DemoHome {
  id: string;
  /** The definition's module, from the project root (`/src/demos/dropout/demo.ts`). */
  module: string;
  /** Its export there (`dropoutMaskDemo`). */
  exportName: string;
}

/**
 * Where each demo of the list is defined: index.ts's imports give each name's module, and its
 * `demos` array lists the names in the order of the list's definitions (checked against them).
 */
export function demoHomes(indexFile = fileURLToPath(new URL('../demos/index.ts', import.meta.url))): DemoHome[] {
  const src = readFileSync(indexFile, 'utf8');
  const moduleOf = new Map<string, string>();
  for (const m of src.matchAll(/import\s*\{([^}]*)\}\s*from\s*'\.\/([^']+)'/g)) {
    for (const name of m[1].split(',')) moduleOf.set(name.trim(), `/src/demos/${m[2]}`);
  }
  const listed = /export const demos[^=]*=\s*\[([^\]]*)\]/.exec(src)?.[1].split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  if (listed.length !== demos.length) throw new Error(`src/demos/index.ts: its demos array names ${listed.length} definitions, the list holds ${demos.length}`);
  return listed.map((name, i) => {
    const module = moduleOf.get(name);
    if (!module) throw new Error(`src/demos/index.ts: "${name}" in the demos array is not imported by name`);
    return { id: demos[i].id, module, exportName: name };
  });
}

export function demoDefinitions(): Plugin {
  return {
    name: 'regularization-lab:demo-definitions',
    resolveId: (id) => (id === DEMO_DEFINITIONS ? RESOLVED : undefined),
    load(id) {
      if (id !== RESOLVED) return undefined;
      const rows = demoHomes().map((d) => `  ${JSON.stringify(d.id)}: () => import(${JSON.stringify(d.module)}).then((m) => m.${d.exportName}),`);
      return `export const definitionLoaders = {\n${rows.join('\n')}\n};\n`;
    },
  };
}

/** A definition's loaders the worker never calls: its island (`.tsx`) and its reproductions (`reproduce*.ts`). */
const PAGE_ONLY_IMPORT = /import\(\s*(['"])(\.\/[^'"]+\.tsx|\.\/reproduce[^'"/]*\.ts)\1\s*\)/g;
/** A definition's text fields of these names (quoted string literals), to blank with `$1''`. */
const textFields = (...names: string[]) => new RegExp(String.raw`^(\s*(?:${names.join('|')}):\s*)(?:'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*")`, 'gm');
/** A definition's texts (for the page, the remix guide and the scripts' headers). */
const TEXT = textFields('title', 'caption', 'summary', 'example');
/** The remix guide's texts of a definition (its summary and example): written into pages at build time only. */
const GUIDE_TEXT = textFields('summary', 'example');
const DEFINITION = /[\\/]src[\\/]demos[\\/][^\\/]+[\\/]demo\.ts$/;

/**
 * Vite plugin for the training worker's build: a definition's island and reproduction loaders
 * become a rejected promise there, and its texts empty strings. The worker only calls `runner()`;
 * bundling the islands too made the modules both sides use (settings helpers, seed curves, the
 * change log) carry the page's functions into the chunks the worker loads.
 */
export function workerLeavesOutPages(): Plugin {
  return {
    name: 'regularization-lab:worker-leaves-out-pages',
    transform(code, id) {
      if (!DEFINITION.test(id.split('?')[0])) return undefined;
      const out = code
        .replace(PAGE_ONLY_IMPORT, (_m, _q, spec: string) => `Promise.reject(new Error(${JSON.stringify(`the training worker does not load ${spec}`)}))`)
        .replace(TEXT, "$1''");
      return out === code ? undefined : { code: out, map: null };
    },
  };
}

/**
 * Vite plugin: the pages' JavaScript leaves out a definition's remix-guide texts (summary and
 * example), which only the pages rendered at build time show (the remix guide, the embed builder);
 * the build's own (SSR) modules keep them.
 */
export function browserLeavesOutGuideTexts(): Plugin {
  return {
    name: 'regularization-lab:browser-leaves-out-guide-texts',
    transform(code, id, options) {
      if (options?.ssr || !DEFINITION.test(id.split('?')[0])) return undefined;
      const out = code.replace(GUIDE_TEXT, "$1''");
      return out === code ? undefined : { code: out, map: null };
    },
  };
}
