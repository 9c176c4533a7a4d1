// Which components a procedure's MDX body places, read from the syntax tree of
// the parser the build itself uses (satteri, behind @astrojs/mdx), so a tag in
// a code block, in an expression comment or in plain text is never counted.
import { mdxToMdast, type MdastNode } from 'satteri';

export interface PlacedComponents {
  /** Ids of the checklists placed with <Checklist id="…" />, in order. */
  checklists: string[];
  /** <ReceptionLevels /> (the levels table) is on the page. */
  levels: boolean;
  budgetCalculator: boolean;
  visitPlanner: boolean;
}

interface JsxAttribute {
  type: string;
  name?: string;
  value?: string | { type: string; value: string } | null;
}

/** A string attribute, or a string literal in braces (id={"a"}). */
function stringValue(attribute: JsxAttribute | undefined): string | undefined {
  const value = attribute?.value;
  if (typeof value === 'string') return value;
  const literal = value?.value.trim().match(/^(["'])([^"'\\]*)\1$/);
  return literal?.[2];
}

export function placedComponents(body: string | undefined): PlacedComponents {
  const placed: PlacedComponents = { checklists: [], levels: false, budgetCalculator: false, visitPlanner: false };
  if (!body?.trim()) return placed;
  const visit = (node: MdastNode): void => {
    if (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') {
      const attributes = (node.attributes ?? []) as JsxAttribute[];
      if (node.name === 'Checklist') {
        const id = stringValue(attributes.find((a) => a.type === 'mdxJsxAttribute' && a.name === 'id'));
        if (id !== undefined) placed.checklists.push(id);
      }
      if (node.name === 'ReceptionLevels') placed.levels = true;
      if (node.name === 'BudgetCalculator') placed.budgetCalculator = true;
      if (node.name === 'VisitPlanner') placed.visitPlanner = true;
    }
    if ('children' in node) for (const child of node.children as MdastNode[]) visit(child);
  };
  let tree: MdastNode;
  try {
    tree = mdxToMdast(body, { position: false });
  } catch {
    // Not valid MDX (an HTML comment, an unclosed tag): the MDX compiler stops the build
    // on it, naming the file and line; until it is fixed the body places nothing.
    return placed;
  }
  visit(tree);
  return placed;
}
