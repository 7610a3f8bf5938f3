// A streaming look at nesting depth and size before the YAML is parsed. yaml builds its tree
// recursively, and a hostile file of nested brackets (or "- - - - …") can exhaust the
// call stack, which V8 does not always report as a catchable error: it can kill the
// process. The lexer is iterative and uses constant memory, so depth is checked on its
// tokens first and the parser only ever sees shallow input.
import { CST, Lexer } from 'yaml';

export interface NestingProblem {
  offset: number;
  message: string;
}

// Lexer control characters: they mark tokens but are not part of the source text.
/**
 * Values (scalars and collections) allowed in one file. A large real scenario has a few
 * thousand; parsing a megabyte of one-character values takes yaml seconds, so stop early.
 */
export const MAX_VALUES = 100_000;

const SCALAR = '\u001f';
const CONTROL = new Set(['\u0002', '\u0018', SCALAR]);
const BLOCK_INDICATORS = new Set(['seq-item-ind', 'explicit-key-ind', 'map-value-ind']);

/**
 * Flow depth (`[`, `{`) is counted exactly. Block depth is bounded from above: a block
 * collection opens either on a more indented line (a map value's list may share its
 * key's indent, hence ×2) or after an indicator on the same line. The block bound is
 * compared with `blockGuard`, generous enough for any sane file and small enough for the
 * parser's stack; the exact limit is enforced afterwards on the tree.
 */
export function findDeepNesting(
  text: string,
  maxDepth: number,
  maxValues = MAX_VALUES,
  blockGuard = 4 * maxDepth,
): NestingProblem | undefined {
  let offset = 0;
  let values = 0;
  let flow = 0;
  let indent = 0;
  let indicators = 0;
  let atLineStart = true;
  let scalarNext = false;
  for (const token of new Lexer().lex(text)) {
    if (CONTROL.has(token)) {
      scalarNext = token === SCALAR;
      continue;
    }
    // A scalar's text may start with spaces (block scalars do); it is never indentation.
    const type = scalarNext ? 'scalar' : CST.tokenType(token);
    scalarNext = false;
    // Inside brackets, line breaks and indentation mean nothing (pretty-printed JSON).
    if ((type === 'newline' || type === 'doc-start') && flow === 0) {
      atLineStart = true;
      indent = 0;
      indicators = 0;
    } else if (type === 'newline' || type === 'space') {
      if (atLineStart && type === 'space') indent = token.length; // only a line's first space
      atLineStart = false;
    } else {
      atLineStart = false;
      if (type === 'scalar' || type === 'flow-seq-start' || type === 'flow-map-start') values += 1;
      if (values > maxValues)
        return {
          offset,
          message: `the file holds more than ${maxValues} values; a scenario has a few thousand, so this is probably the wrong file`,
        };
      if (type === 'flow-seq-start' || type === 'flow-map-start') flow += 1;
      if (type === 'flow-seq-end' || type === 'flow-map-end') flow = Math.max(0, flow - 1);
      if (flow === 0 && type && BLOCK_INDICATORS.has(type)) indicators += 1;
      if (flow > maxDepth)
        return { offset, message: `the data is nested more than ${maxDepth} levels deep; check the brackets` };
      if (2 * indent + indicators + 2 > blockGuard)
        return { offset, message: 'this line is indented or nested far too deeply for a scenario; check the indentation' };
    }
    offset += token.length;
  }
  return undefined;
}
