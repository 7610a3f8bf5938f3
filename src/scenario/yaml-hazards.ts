// Structural checks on the parsed YAML tree, made before any JavaScript value is built:
// hostile or mistaken files are refused here with the position of the offending node.
// Working on the tree (not on the JS value) means aliases are not expanded yet, so a
// loop or a bomb cannot make these checks themselves run away.
import { type Document, isAlias, isMap, isScalar, isSeq, type LineCounter, type Node, visit } from 'yaml';
import type { PathSegment } from './diagnostics.ts';

export interface Hazard {
  /** Offset in the text of the node to point at. */
  offset: number;
  path: PathSegment[];
  message: string;
}

/** Names that mean something to JavaScript objects; accepting them invites prototype pollution. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

// The YAML 1.2 core tags. Anything else (!!binary, !!js/function, !custom) is refused:
// scenarios are plain data and an unknown tag would silently become a string.
const CORE = 'tag:yaml.org,2002:';
const ALLOWED_TAGS = new Set(['str', 'int', 'float', 'bool', 'null', 'map', 'seq'].map((t) => CORE + t));

const showTag = (tag: string) => (tag.startsWith(CORE) ? `!!${tag.slice(CORE.length)}` : tag);
const start = (node: Node) => node.range?.[0] ?? 0;

export function findHazards(doc: Document.Parsed, text: string, lines: LineCounter, maxDepth: number): Hazard[] {
  const hazards: Hazard[] = [];
  const ancestors = new Set<Node>();
  let tooDeep = false;

  const checkTag = (node: Node, path: PathSegment[]) => {
    if (node.tag && !ALLOWED_TAGS.has(node.tag))
      hazards.push({
        offset: start(node),
        path,
        message: `the tag ${showTag(node.tag)} is not supported: scenario files hold plain values only; remove the tag`,
      });
  };

  const walk = (node: Node | null, path: PathSegment[], depth: number): void => {
    if (!node) return;
    if (depth > maxDepth) {
      if (!tooDeep)
        hazards.push({
          offset: start(node),
          path: [], // a path 65 levels long helps nobody; the line number does
          message: `the data is nested more than ${maxDepth} levels deep; no scenario needs that many levels, so check the indentation`,
        });
      tooDeep = true;
      return;
    }
    checkTag(node, path);
    if (isAlias(node)) {
      // An alias to its own enclosing block would make an endless (cyclic) value.
      const target = node.resolve(doc);
      if (target && ancestors.has(target))
        hazards.push({
          offset: start(node),
          path,
          message: `the alias *${node.source} points at the block that contains it, which makes an endless loop; copy the values instead`,
        });
      return;
    }
    if (isScalar(node)) {
      if (typeof node.value === 'number' && !Number.isFinite(node.value)) {
        const written = node.range ? text.slice(node.range[0], node.range[1]) : String(node.value);
        hazards.push({
          offset: start(node),
          path,
          message: `"${written}" is not a usable number (it is infinite or not a number); write an ordinary number`,
        });
      }
      return;
    }
    ancestors.add(node);
    if (isSeq(node)) for (const [i, item] of node.items.entries()) walk(item as Node | null, [...path, i], depth + 1);
    if (isMap(node)) walkMap(node.items, path, depth);
    ancestors.delete(node);
  };

  const walkMap = (pairs: { key: unknown; value: unknown }[], path: PathSegment[], depth: number) => {
    const seen = new Map<string, number>();
    for (const pair of pairs) {
      const key = pair.key as Node | null;
      if (!key || !isScalar(key)) {
        hazards.push({
          offset: key ? start(key) : start(pair.value as Node),
          path,
          message: 'every field needs a plain name before the colon (not a list, a block or an alias)',
        });
        continue;
      }
      checkTag(key, path);
      const name = String(key.value);
      const here = [...path, name];
      if (FORBIDDEN_KEYS.has(name)) {
        hazards.push({
          offset: start(key),
          path: here,
          message: `"${name}" cannot be used as a field name: it has a special meaning in JavaScript and is refused for safety; rename or remove it`,
        });
        continue;
      }
      const first = seen.get(name);
      if (first !== undefined) {
        hazards.push({
          offset: start(key),
          path: here,
          message: `the field "${name}" appears twice in the same block (first on line ${lines.linePos(first).line}); keep only one`,
        });
      } else seen.set(name, start(key));
      walk(pair.value as Node | null, here, depth + 1);
    }
  };

  walk(doc.contents as Node | null, [], 0);
  if (!tooDeep && hazards.length === 0 && expandedDepth(doc, maxDepth) > maxDepth) {
    hazards.push({
      offset: firstAlias(doc) ?? 0,
      path: [],
      message: `aliases (*name) nest the data more than ${maxDepth} levels deep once expanded; write the values out instead`,
    });
  }
  return hazards;
}

/**
 * Depth of the value once aliases are expanded (each alias counts as its anchor's depth),
 * memoised per node so alias chains cost linear time; capped just above `limit`.
 */
function expandedDepth(doc: Document.Parsed, limit: number): number {
  const memo = new Map<Node, number>();
  const active = new Set<Node>();
  const depth = (node: Node | null): number => {
    if (!node || isScalar(node)) return 0;
    if (isAlias(node)) {
      const target = node.resolve(doc) as Node | undefined;
      return target && !active.has(target) ? depth(target) : 0; // loops are reported by walk
    }
    const known = memo.get(node);
    if (known !== undefined) return known;
    if (active.size > limit) return limit + 1; // deep enough to refuse: stop recursing
    active.add(node);
    let deepest = 0;
    const children = isMap(node) ? node.items.map((p) => p.value as Node | null) : isSeq(node) ? (node.items as (Node | null)[]) : [];
    for (const child of children) {
      deepest = Math.max(deepest, depth(child));
      if (deepest > limit) break;
    }
    active.delete(node);
    const result = Math.min(deepest + 1, limit + 1);
    memo.set(node, result);
    return result;
  };
  return depth(doc.contents as Node | null);
}

/** Offset of the first alias in the file: where an author starts looking at alias problems. */
export function firstAlias(doc: Document.Parsed): number | undefined {
  let offset: number | undefined;
  visit(doc, {
    Alias(_key, node) {
      offset = node.range?.[0];
      return visit.BREAK;
    },
  });
  return offset;
}
