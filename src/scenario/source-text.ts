// Turns the text of a data file (YAML, and therefore JSON) into plain JavaScript data,
// keeping the tree so that any path can be mapped back to a line and column. Hostile or
// broken input is refused with diagnostics: this function never throws.
import { type Document, isAlias, isMap, isScalar, isSeq, LineCounter, type Node, parseDocument } from 'yaml';
import type { DataPath, Diagnostic, PathSegment } from './diagnostics.ts';
import { formatPath } from './diagnostics.ts';
import { findHazards, firstAlias } from './yaml-hazards.ts';
import { findDeepNesting } from './yaml-prescan.ts';

/** Largest file we read: a big scenario is ~50 KiB; anything near this is a mistake or an attack. */
export const MAX_SOURCE_BYTES = 1024 * 1024;
/** Nesting limit: the scenario format itself needs fewer than 10 levels. */
export const MAX_DEPTH = 64;
/** Alias expansions allowed before we call it a "billion laughs" bomb (yaml's maxAliasCount). */
export const MAX_ALIAS_COUNT = 100;

export interface ParseOptions {
  maxBytes?: number;
  maxDepth?: number;
  maxAliasCount?: number;
}

export interface Position {
  line: number;
  column: number;
  /** Set when the path lives in another file (a scenario's base, via extends). */
  file?: string;
}

/** Where a path is in the file; 'key' points at a field's name rather than its value. */
export type Locate = (path: DataPath, part?: 'key' | 'value') => Position;

export type ParsedText =
  | { ok: true; value: unknown; locate: Locate; warnings: Diagnostic[] }
  | { ok: false; errors: Diagnostic[]; warnings: Diagnostic[] };

/** UTF-8 size without allocating an encoded copy (works in Node and the browser). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      bytes += 4; // a surrogate pair is one 4-byte character
      i++;
    } else bytes += 3;
  }
  return bytes;
}

// yaml's own wording is mostly clear; these replace the parts written for programmers.
const SYNTAX_REWRITES: Record<string, string> = {
  MULTIPLE_DOCS:
    'the file holds more than one YAML document; a scenario file holds exactly one, so remove the extra `---` line and what follows it',
};
const SYNTAX_HINTS: Record<string, string> = {
  TAB_AS_INDENT: 'indent with spaces, not tabs',
  BAD_INDENT: 'check that this line is indented like its neighbours',
  MISSING_CHAR: 'a bracket or quote is probably not closed',
};

export function parseDataText(text: string, file: string, opts: ParseOptions = {}): ParsedText {
  const maxBytes = opts.maxBytes ?? MAX_SOURCE_BYTES;
  const at = (line: number, column: number, path: DataPath, message: string): Diagnostic => ({
    file,
    line,
    column,
    path: formatPath(path),
    message,
    severity: 'error',
  });
  const fail = (errors: Diagnostic[], warnings: Diagnostic[] = []): ParsedText => ({ ok: false, errors, warnings });

  // Cheap length test first: each UTF-16 unit is at least one UTF-8 byte.
  if (text.length > maxBytes || utf8Length(text) > maxBytes)
    return fail([at(1, 1, [], `the file is larger than ${maxBytes} bytes; a scenario is far smaller, so this is probably the wrong file`)]);

  const lines = new LineCounter();
  const pos = (offset: number): Position => {
    const p = lines.linePos(offset);
    return { line: p.line, column: p.col };
  };
  const maxDepth = opts.maxDepth ?? MAX_DEPTH;
  const deep = findDeepNesting(text, maxDepth);
  if (deep) {
    // The lexer pass does not fill the line counter, so find the position by hand.
    const before = text.slice(0, deep.offset).split('\n');
    return fail([at(before.length, before.at(-1)!.length + 1, [], deep.message)]);
  }
  let doc: Document.Parsed;
  try {
    // Core schema only: no YAML 1.1 surprises (dates, `<<` merges, yes/no booleans).
    doc = parseDocument(text, {
      lineCounter: lines,
      schema: 'core',
      merge: false,
      uniqueKeys: false, // duplicates are reported by findHazards with both lines
      prettyErrors: false,
      // Not 'silent': that level also drops the "multiple documents" error.
      logLevel: 'error',
    });
  } catch {
    return fail([at(1, 1, [], 'the file could not be read as YAML or JSON')]);
  }

  const warnings = doc.warnings
    .filter((w) => w.code !== 'TAG_RESOLVE_FAILED') // refused as errors by findHazards
    .map((w): Diagnostic => ({ ...at(pos(w.pos[0]).line, pos(w.pos[0]).column, [], w.message), severity: 'warning' }));

  if (doc.errors.length > 0) {
    const errors = doc.errors.map((e) => {
      const p = pos(e.pos[0]);
      if (/call stack/i.test(e.message))
        return at(p.line, p.column, [], 'the data is nested too deeply to read; check the brackets and the indentation');
      const rewrite = SYNTAX_REWRITES[e.code];
      if (rewrite) return at(p.line, p.column, [], rewrite);
      const hint = SYNTAX_HINTS[e.code];
      return at(p.line, p.column, [], `YAML syntax error: ${e.message}${hint ? ` (${hint})` : ''}`);
    });
    return fail(errors, warnings);
  }

  const hazards = findHazards(doc, text, lines, maxDepth);
  if (hazards.length > 0) {
    return fail(
      hazards.map((h) => {
        const p = pos(h.offset);
        return at(p.line, p.column, h.path, h.message);
      }),
      warnings,
    );
  }

  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: opts.maxAliasCount ?? MAX_ALIAS_COUNT });
  } catch {
    // yaml throws a ReferenceError when aliases would expand past maxAliasCount.
    const p = pos(firstAlias(doc) ?? 0);
    return fail(
      [
        at(
          p.line,
          p.column,
          [],
          'the file uses anchors and aliases (&name / *name) so heavily that expanding them would exhaust memory (a "billion laughs" file); write the values out or use fewer aliases',
        ),
      ],
      warnings,
    );
  }
  return { ok: true, value, locate: locator(doc.contents as Node | null, doc, pos), warnings };
}

/** Follows a path down the tree; stops at the deepest node that exists (parent, then 1:1). */
function locator(root: Node | null, doc: Document.Parsed, pos: (offset: number) => Position): Locate {
  const startOf = (node: Node | null | undefined) => (node?.range ? pos(node.range[0]) : undefined);
  return (path, part = 'value') => {
    let node: Node | null = root;
    let best = startOf(root) ?? { line: 1, column: 1 };
    for (const seg of path) {
      if (node && isAlias(node)) node = (node.resolve(doc) as Node | undefined) ?? null;
      const next = child(node, seg);
      if (!next) break;
      node = next.value;
      // A block value starts on the next line; its field name is the line an author looks for.
      const showKey = part === 'key' || !next.value || ((isMap(next.value) || isSeq(next.value)) && !next.value.flow);
      best = (showKey ? startOf(next.key) : undefined) ?? startOf(next.value) ?? best;
    }
    return best;
  };
}

type Entry = { key: Node | null; value: Node | null };

// Field lookups by name, built once per block: a file with thousands of unknown fields
// gets thousands of locate() calls, which must not each scan the whole block.
const fieldIndex = new WeakMap<object, Map<string, Entry>>();

function child(node: Node | null, seg: PathSegment): Entry | undefined {
  if (isSeq(node) && typeof seg === 'number') {
    const item = node.items[seg] as Node | undefined;
    return item ? { key: item, value: item } : undefined;
  }
  if (!isMap(node)) return undefined;
  let index = fieldIndex.get(node);
  if (!index) {
    index = new Map();
    for (const p of node.items) {
      const name = isScalar(p.key) ? String(p.key.value) : undefined;
      if (name !== undefined && !index.has(name)) index.set(name, { key: p.key as Node, value: p.value as Node | null });
    }
    fieldIndex.set(node, index);
  }
  return index.get(String(seg));
}
