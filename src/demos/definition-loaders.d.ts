// The browser's demo list, generated from ./index.ts by src/build/demo-definitions.ts
// (./lazy-list.ts types each loaded definition).
declare module 'virtual:demo-definitions' {
  export const definitionLoaders: Readonly<Record<string, () => Promise<unknown>>>;
}
