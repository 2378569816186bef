/**
 * The components every chapter can use without an import line (passed to `<Content components>`).
 * Every demo of the list (src/demos/index.ts) goes through one wrapper that validates its props at
 * build time, so an instructor writes `<OverfittingDemo dataset="xor" />` and nothing else.
 */
import Callout from './Callout.astro';
import Term from './Term.astro';
import CheckYourUnderstanding from './CheckYourUnderstanding.astro';
import PlaygroundLink from './PlaygroundLink.astro';
import { demoComponents } from '../demos/components';

export const mdxComponents = {
  Callout,
  Term,
  CheckYourUnderstanding,
  PlaygroundLink,
  ...demoComponents,
};
