/// <reference lib="webworker" />
// KaTeX off the main thread: live equations are rendered to HTML here, so the page never
// parses the KaTeX runtime (the server already rendered the first version of every equation).
import { renderTex } from './tex-render.ts';

export interface TexRequest { id: number; tex: string; display: boolean }
export interface TexReply { id: number; html: string }

const scope = self as unknown as DedicatedWorkerGlobalScope;
scope.onmessage = (e: MessageEvent<TexRequest>) => scope.postMessage({ id: e.data.id, html: renderTex(e.data.tex, e.data.display) } satisfies TexReply);
