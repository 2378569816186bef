/**
 * Every demo as an MDX component (`<OverfittingDemo … />` → ./Demo.astro with demo="overfitting"),
 * derived from the demo list: chapters, embed pages and the remix guide place demos through it.
 */
import { createComponent, render, renderComponent } from 'astro/compiler-runtime';
import Demo from './Demo.astro';
import { demos } from './index';

export const demoComponents: Record<string, ReturnType<typeof createComponent>> = Object.fromEntries(
  demos.map((d) => [
    d.component,
    createComponent((result: Parameters<typeof renderComponent>[0], props: Record<string, unknown>, slots: Record<string, unknown>) =>
      render`${renderComponent(result, d.component, Demo, { ...props, demo: d.id }, slots as never)}`,
    ),
  ]),
);
