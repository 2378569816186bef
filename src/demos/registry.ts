/** The demo components chapters can place without an import (see src/components/mdx.ts). */
import OverfittingDemo from './overfitting/OverfittingDemo.astro';

export const demoComponents = {
  OverfittingDemo,
};
