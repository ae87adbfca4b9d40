import { assertNever, fail, ok } from '../../model/result.ts';
import type { Result } from '../../model/result.ts';
import { readOrderedNode } from './ordered-node.ts';
import type { OrderedItem } from './ordered-node.ts';
import { ROOT_SCOPE, resolveNamespaces } from './resolve-namespaces.ts';
import type { NamespaceScope } from './resolve-namespaces.ts';
import type { XmlAttribute, XmlElement, XmlName } from './xml-element.ts';
import { problemAt } from './xml-problem.ts';
import type { XmlProblem } from './xml-problem.ts';

const NO_ROOT: XmlProblem = { rule: 'xml-malformed', message: 'The document has no root element.' };

type ElementItem = Extract<OrderedItem, { kind: 'element' }>;

/** An element being built: its resolved start tag plus what has been read of its content. */
interface Frame {
  readonly name: XmlName;
  readonly attributes: readonly XmlAttribute[];
  readonly scope: NamespaceScope;
  readonly items: readonly unknown[];
  readonly children: XmlElement[];
  next: number;
  text: string;
}

/**
 * Turn fast-xml-parser's `preserveOrder` output into one namespace-resolved `XmlElement` tree.
 * Works with an explicit stack, so no input depth can overflow the call stack. The text must have
 * passed `prescanXml`, which bounds its depth and gives it exactly one root element.
 * @param source the parsed text, used only to give problems a line and column.
 */
export function orderedToElement(nodes: readonly unknown[], source: string): Result<XmlElement, XmlProblem> {
  const root = findRoot(nodes);
  if (!root.ok) return root;
  const first = openFrame(root.value, ROOT_SCOPE, source);
  if (!first.ok) return first;
  const stack: Frame[] = [first.value];
  for (let frame = stack.at(-1); frame !== undefined; frame = stack.at(-1)) {
    if (frame.next < frame.items.length) {
      const problem = readNext(frame, stack, source);
      if (problem !== undefined) return fail(problem);
      continue;
    }
    stack.pop();
    const element = closeFrame(frame);
    const parent = stack.at(-1);
    if (parent === undefined) return ok(element);
    parent.children.push(element);
  }
  return fail(NO_ROOT);
}

/** Consume the next item of `frame`: append text, or push a frame for a child element. */
function readNext(frame: Frame, stack: Frame[], source: string): XmlProblem | undefined {
  const item = readOrderedNode(frame.items[frame.next]);
  frame.next += 1;
  switch (item.kind) {
    case 'text':
      frame.text += item.text;
      return undefined;
    case 'ignored':
      return undefined;
    case 'element': {
      const child = openFrame(item, frame.scope, source);
      if (!child.ok) return child.problem;
      stack.push(child.value);
      return undefined;
    }
    default:
      return assertNever(item);
  }
}

function openFrame(item: ElementItem, parent: NamespaceScope, source: string): Result<Frame, XmlProblem> {
  const tag = resolveNamespaces(parent, item.tag, item.attributes);
  if (!tag.ok) return fail(located(tag.problem.rule, tag.problem.message, item, source));
  const { name, attributes, scope } = tag.value;
  return ok({ name, attributes, scope, items: item.items, children: [], next: 0, text: '' });
}

function closeFrame(frame: Frame): XmlElement {
  const { ns, local, prefix } = frame.name;
  return { ns, local, prefix, attributes: frame.attributes, children: frame.children, text: frame.text };
}

/** The root element; `prescanXml` has already rejected a second one and text outside it. */
function findRoot(nodes: readonly unknown[]): Result<ElementItem, XmlProblem> {
  const root = nodes.map(readOrderedNode).find((item): item is ElementItem => item.kind === 'element');
  return root === undefined ? fail(NO_ROOT) : ok(root);
}

function located(rule: XmlProblem['rule'], message: string, item: ElementItem, source: string): XmlProblem {
  return item.startIndex === undefined ? { rule, message } : problemAt(rule, message, source, item.startIndex);
}
