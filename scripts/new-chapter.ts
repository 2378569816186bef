// npm run new-chapter -- "Title of the chapter" [--order N]
// Writes content/NN-slug.mdx: a valid chapter (front matter, sections, a demo, a quiz) that builds.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const args = process.argv.slice(2);
const orderFlag = args.indexOf('--order');
let order: number | null = null;
if (orderFlag >= 0) {
  order = Number(args[orderFlag + 1]);
  args.splice(orderFlag, 2);
  if (!Number.isInteger(order) || order < 1) fail(`--order must be a whole number >= 1, got ${JSON.stringify(order)}`);
}
const title = args.join(' ').trim();
if (!title) fail('usage: npm run new-chapter -- "Title of the chapter" [--order N]');
if (title.length < 3) fail('the title must be at least 3 characters');

const dir = join(process.cwd(), 'content');
const files = readdirSync(dir).filter((f) => f.endsWith('.mdx'));
const orders = files.map((f) => Number(/^order:\s*(\d+)/m.exec(readFileSync(join(dir, f), 'utf8'))?.[1] ?? 0));
const nextOrder = order ?? Math.max(0, ...orders) + 1;
if (orders.includes(nextOrder)) fail(`order ${nextOrder} is already used by another chapter; choose a free one with --order`);
const slug = title.toLowerCase().normalize('NFKD').replace(/[^\w\s-]/g, '').trim().replace(/[\s_]+/g, '-').replace(/-+/g, '-');
if (!slug) fail('the title must contain letters or digits');
const file = join(dir, `${String(nextOrder).padStart(2, '0')}-${slug}.mdx`);
if (existsSync(file) || files.some((f) => f.replace(/^\d+[-_]/, '') === `${slug}.mdx`)) fail(`a chapter called "${slug}" exists already`);

const yamlString = (s: string) => JSON.stringify(s);
writeFileSync(file, `---
title: ${yamlString(title)}
description: ${yamlString(`What ${title} is, why it helps, and how to use it.`)}
order: ${nextOrder}
minutes: 15
objectives:
  - Explain the idea of ${title.replace(/"/g, '')} in your own words.
  - Recognise its effect in a live demo.
hidden: false
---

Write the introduction here. Link glossary terms with <Term id="overfitting">overfitting</Term>
and write equations in KaTeX: $\\tilde{\\mathcal{L}}(\\theta) = \\mathcal{L}(\\theta) + \\lambda\\,\\Omega(\\theta)$.

## The idea

$$
\\mathcal{L}(\\theta) = \\frac{1}{n}\\sum_{i=1}^{n} \\ell\\big(f_\\theta(x_i), y_i\\big)
$$

<Callout title="Tip">Every demo of the course can be placed here with its own props; see the remix guide.</Callout>

## Try it

<OverfittingDemo id="${slug}-demo" dataset="circle" noise={0.1} />

<CheckYourUnderstanding questions={[
  {
    prompt: "Replace this with a question about ${title.replace(/"/g, '')}.",
    choices: [
      { text: "The right answer" },
      { text: "A tempting wrong answer, about as long as the right one", why: "Say why this choice is wrong, without giving the right one away." }
    ],
    answer: 0,
    explanation: "Say why the right answer is right."
  }
]} />
`);
console.log(`created ${file.replace(process.cwd() + '/', '')} (order ${nextOrder}); it is at /chapters/${slug}/ once the site builds`);

function fail(msg: string): never {
  console.error(`new-chapter: ${msg}`);
  process.exit(1);
}
