/**
 * The components every chapter can use without an import line (passed to `<Content components>`).
 * Demos are Astro wrappers that validate their props at build time and hydrate the Preact island,
 * so an instructor writes `<OverfittingDemo dataset="xor" />` and nothing else.
 */
import Callout from './Callout.astro';
import Term from './Term.astro';
import CheckYourUnderstanding from './CheckYourUnderstanding.astro';
import { demoComponents } from '../demos/registry';

export const mdxComponents = {
  Callout,
  Term,
  CheckYourUnderstanding,
  ...demoComponents,
};
