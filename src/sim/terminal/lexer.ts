/**
 * Splits a host shell line into words and operators the way POSIX sh does for the forms kubectl users type
 * (quotes, backslashes, `;`, `&&`, `||`, `|`, `<<EOF`), keeping the parameter expansions of unquoted and
 * double-quoted text for the interpreter to expand.
 */

/** A piece of a word: literal text, or `$NAME` / `${NAME}` to expand. */
export type WordPart = { literal: string } | { variable: string };

export interface Word {
  kind: 'word';
  parts: WordPart[];
  /** True when any part of the word was quoted (so it stays one word even if empty). */
  quoted: boolean;
}

export interface Operator {
  kind: 'op';
  op: ';' | '&&' | '||' | '|' | '>' | '>>' | '&';
}

export interface HereDoc {
  kind: 'heredoc';
  delimiter: string;
  /** `<<-` strips leading tabs. */
  stripTabs: boolean;
  /** A quoted delimiter turns off expansion in the body. */
  quoted: boolean;
}

export type Token = Word | Operator | HereDoc;

export class ShellSyntaxError extends Error {}

const OPERATOR_CHARS = new Set([';', '&', '|', '>', '<']);

/** Tokenises one logical line. Throws ShellSyntaxError on an unterminated quote. */
export function tokenize(line: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  let parts: WordPart[] = [];
  let literal = '';
  let inWord = false;
  let quoted = false;

  const flushLiteral = () => {
    if (literal) parts.push({ literal });
    literal = '';
  };
  const endWord = () => {
    flushLiteral();
    if (inWord) tokens.push({ kind: 'word', parts, quoted });
    parts = [];
    inWord = false;
    quoted = false;
  };
  const readVariable = (): boolean => {
    // At line[i] === '$'.
    const rest = line.slice(i + 1);
    const braced = rest.match(/^\{([A-Za-z_][A-Za-z0-9_]*)\}/);
    const plain = rest.match(/^([A-Za-z_][A-Za-z0-9_]*|[0-9?#@*$])/);
    const m = braced ?? plain;
    if (!m) return false;
    flushLiteral();
    parts.push({ variable: m[1]! });
    i += 1 + m[0].length;
    inWord = true;
    return true;
  };

  while (i < line.length) {
    const ch = line[i]!;
    if (ch === ' ' || ch === '\t') {
      endWord();
      i++;
      continue;
    }
    if (ch === '#' && !inWord) break;
    if (ch === "'") {
      const end = line.indexOf("'", i + 1);
      if (end < 0) throw new ShellSyntaxError('unexpected EOF while looking for matching `\'\'');
      literal += line.slice(i + 1, end);
      inWord = true;
      quoted = true;
      i = end + 1;
      continue;
    }
    if (ch === '"') {
      inWord = true;
      quoted = true;
      i++;
      let closed = false;
      while (i < line.length) {
        const c = line[i]!;
        if (c === '"') {
          closed = true;
          i++;
          break;
        }
        if (c === '\\' && i + 1 < line.length && '$`"\\'.includes(line[i + 1]!)) {
          literal += line[i + 1];
          i += 2;
          continue;
        }
        if (c === '$' && readVariable()) continue;
        literal += c;
        i++;
      }
      if (!closed) throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'');
      continue;
    }
    if (ch === '\\' && i + 1 < line.length) {
      literal += line[i + 1];
      inWord = true;
      i += 2;
      continue;
    }
    if (ch === '$' && readVariable()) continue;
    if (OPERATOR_CHARS.has(ch)) {
      endWord();
      const two = line.slice(i, i + 2);
      if (two === '<<') {
        const m = line.slice(i).match(/^<<(-?)\s*(?:'([^']*)'|"([^"]*)"|\\?([A-Za-z_][A-Za-z0-9_]*))/);
        if (!m) throw new ShellSyntaxError("syntax error near unexpected token `newline'");
        const delimiter = m[2] ?? m[3] ?? m[4] ?? '';
        tokens.push({ kind: 'heredoc', delimiter, stripTabs: m[1] === '-', quoted: m[2] !== undefined || m[3] !== undefined });
        i += m[0].length;
        continue;
      }
      if (two === '&&' || two === '||' || two === '>>') {
        tokens.push({ kind: 'op', op: two });
        i += 2;
        continue;
      }
      if (ch === '<') throw new ShellSyntaxError('input redirection is not supported here; use a here-document (<<EOF)');
      tokens.push({ kind: 'op', op: ch as Operator['op'] });
      i++;
      continue;
    }
    literal += ch;
    inWord = true;
    i++;
  }
  endWord();
  return tokens;
}

/** The here-documents a line opens, in order (their bodies follow on the next lines). */
export function hereDocsOf(tokens: Token[]): HereDoc[] {
  return tokens.filter((t): t is HereDoc => t.kind === 'heredoc');
}

/** True when the line ends inside an open quote, so the next line continues it. */
export function hasOpenQuote(line: string): boolean {
  try {
    tokenize(line);
    return false;
  } catch (e) {
    return e instanceof ShellSyntaxError && e.message.startsWith('unexpected EOF');
  }
}

/** The word's text with variables expanded from `vars` (unset variables expand to ''). */
export function expandWord(word: Word, vars: Record<string, string>): string {
  return word.parts.map((p) => ('literal' in p ? p.literal : (vars[p.variable] ?? ''))).join('');
}
