/**
 * The questions of a chapter's `<CheckYourUnderstanding questions={[…]} />`, read from its MDX
 * source so an embed page can offer the chapter's quiz next to its demo. The expression is parsed
 * (acorn), never run: only plain literals (objects, arrays, strings, numbers) are accepted, and
 * anything else fails the build naming the chapter.
 */
import { parseExpressionAt, type Expression, type Node } from 'acorn';

export function chapterQuestions(chapter: string, mdx: string): unknown[] | null {
  const tag = mdx.indexOf('<CheckYourUnderstanding');
  if (tag < 0) return null;
  const attr = mdx.indexOf('questions={', tag);
  if (attr < 0) throw new Error(`chapter "${chapter}": <CheckYourUnderstanding> has no questions={…}`);
  const expr = parseExpressionAt(mdx, attr + 'questions={'.length, { ecmaVersion: 'latest' });
  return literal(chapter, expr) as unknown[];
}

function literal(chapter: string, node: Node | Expression): unknown {
  const fail = (): never => {
    throw new Error(`chapter "${chapter}": the quiz's questions must be plain literals (found ${node.type})`);
  };
  switch (node.type) {
    case 'Literal':
      return (node as { value: unknown }).value;
    case 'TemplateLiteral': {
      const t = node as unknown as { expressions: unknown[]; quasis: { value: { cooked: string } }[] };
      return t.expressions.length ? fail() : t.quasis[0].value.cooked;
    }
    case 'UnaryExpression': {
      const u = node as unknown as { operator: string; argument: Node };
      const v = literal(chapter, u.argument);
      return u.operator === '-' && typeof v === 'number' ? -v : fail();
    }
    case 'ArrayExpression':
      return (node as unknown as { elements: (Node | null)[] }).elements.map((e) => (e ? literal(chapter, e) : fail()));
    case 'ObjectExpression': {
      const out: Record<string, unknown> = {};
      for (const p of (node as unknown as { properties: Node[] }).properties) {
        const prop = p as unknown as { type: string; computed: boolean; key: { type: string; name?: string; value?: unknown }; value: Node };
        if (prop.type !== 'Property' || prop.computed) fail();
        const key = prop.key.type === 'Identifier' ? prop.key.name! : String(prop.key.value);
        out[key] = literal(chapter, prop.value);
      }
      return out;
    }
    default:
      return fail();
  }
}
