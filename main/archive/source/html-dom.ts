/**
 * The parsed page as the HTML reader sees it (domhandler nodes from htmlparser2): what is an
 * element, which elements are blocks, and measures of a subtree that never recurse, so a page
 * nested 100,000 levels deep is read like any other.
 */
import type { AnyNode, Element, ParentNode, Text } from 'domhandler';

/** Elements whose content is never reader-facing text. */
export const SKIPPED: ReadonlySet<string> = new Set([
  'script',
  'style',
  'template',
  'noscript',
  'head',
  'svg',
  'math',
  'iframe',
  'object',
  'button',
  'form',
  'select',
  'textarea',
  'colgroup',
  'col',
]);

/** Elements that open a block of their own; anything else is inline. */
export const BLOCK: ReadonlySet<string> = new Set([
  'address',
  'article',
  'aside',
  'blockquote',
  'body',
  'dd',
  'details',
  'div',
  'dl',
  'dt',
  'fieldset',
  'figcaption',
  'figure',
  'footer',
  'h1',
  'h2',
  'h3',
  'h4',
  'h5',
  'h6',
  'header',
  'hr',
  'li',
  'main',
  'nav',
  'ol',
  'p',
  'pre',
  'section',
  'summary',
  'table',
  'tbody',
  'td',
  'tfoot',
  'th',
  'thead',
  'tr',
  'ul',
  'caption',
  'video',
  'audio',
  'picture',
  'center',
  'html',
]);

export const HEADING = /^h([1-6])$/u;

/** Recursion through the page stops this deep; anything deeper is read as flat text. */
export const MAX_DEPTH = 160;

/** The values of domhandler's ElementType enum for elements (the enum lives in a package Folio does not depend on). */
const ELEMENT_NODE_TYPES: ReadonlySet<string> = new Set(['tag', 'script', 'style']);

export function isElement(node: AnyNode | undefined): node is Element {
  return node !== undefined && ELEMENT_NODE_TYPES.has(node.type);
}

export function isText(node: AnyNode | undefined): node is Text {
  return node !== undefined && (node.type as string) === 'text';
}

/** The element's classes. */
export function classes(el: Element): string[] {
  const value = el.attribs.class;
  return value ? value.split(/\s+/u).filter(Boolean) : [];
}

export function hasClass(el: Element, ...names: string[]): boolean {
  const own = classes(el);
  return names.some((n) => own.includes(n));
}

/** Hidden from every reader: `hidden`, `aria-hidden`, `display: none`. */
export function isHidden(el: Element): boolean {
  const attrs = el.attribs;
  return 'hidden' in attrs || attrs['aria-hidden'] === 'true' || /display\s*:\s*none/u.test(attrs.style ?? '');
}

/** The language an element declares (`lang`, or XHTML's `xml:lang`), if any. */
export function declaredLang(el: Element): string | null {
  const value = (el.attribs.lang ?? el.attribs['xml:lang'] ?? '').trim();
  return value || null;
}

/** The element's child elements. */
export function childElements(el: Element): Element[] {
  return el.children.filter(isElement);
}

/**
 * Every node below `root`, in document order, without recursion; `enter` returns false to skip an
 * element's subtree.
 */
export function forEachDescendant(root: ParentNode, enter: (node: AnyNode) => boolean | void): void {
  const stack: AnyNode[] = [...root.children].reverse();
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (enter(node) === false || !isElement(node)) continue;
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  }
}

/** The visible text below a node (script, style and hidden parts left out), without recursion. */
export function flatText(node: AnyNode): string {
  if (isText(node)) return node.data;
  if (!isElement(node)) return '';
  const parts: string[] = [];
  forEachDescendant(node, (n) => {
    if (isText(n)) parts.push(n.data);
    else if (isElement(n)) {
      if (SKIPPED.has(n.name) || isHidden(n)) return false;
      if (BLOCK.has(n.name) || n.name === 'br') parts.push(' ');
    }
    return true;
  });
  return parts.join('');
}

/** The first descendant (document order) that `match` accepts, without recursion. */
export function findDescendant(root: ParentNode, match: (el: Element) => boolean): Element | null {
  let found: Element | null = null;
  forEachDescendant(root, (n) => {
    if (found) return false;
    if (isElement(n) && match(n)) {
      found = n;
      return false;
    }
    return true;
  });
  return found;
}

/** Measures of subtrees, computed once per element. */
export class SubtreeMeasures {
  private readonly lengths = new WeakMap<Element, number>();
  private readonly blocks = new WeakMap<Element, boolean>();

  /** Characters of text below the element (whitespace included): what decides if a list or table is one passage. */
  textLength(el: Element): number {
    let length = this.lengths.get(el);
    if (length === undefined) {
      length = 0;
      forEachDescendant(el, (n) => {
        if (isText(n)) length! += n.data.length;
        else if (isElement(n)) {
          if (SKIPPED.has(n.name)) return false;
          const known = this.lengths.get(n);
          if (known !== undefined) {
            length! += known;
            return false;
          }
        }
        return true;
      });
      this.lengths.set(el, length);
    }
    return length;
  }

  /** Whether a block element (other than a line break) lies anywhere below. */
  containsBlock(el: Element): boolean {
    let found = this.blocks.get(el);
    if (found === undefined) {
      found = findDescendant(el, (n) => BLOCK.has(n.name) && !SKIPPED.has(n.name)) !== null;
      this.blocks.set(el, found);
    }
    return found;
  }
}
