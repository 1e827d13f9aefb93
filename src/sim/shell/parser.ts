/**
 * Parses the POSIX shell command language (IEEE Std 1003.1, Shell Command Language, 2.2-2.10) for the part a
 * `kubectl exec` session uses: lists with `;` `&&` `||`, pipelines, simple commands with assignments and
 * redirections (`>` `>>` `<` `2>` `2>&1`), single and double quotes, backslash escapes, `$VAR` `${VAR}` `$?`
 * and command substitution `$(...)` / backquotes, `#` comments.
 *
 * Simplified: no compound commands (if, for, while, case, functions, subshells), no here-documents, no
 * arithmetic; `&` runs the command in the foreground.
 */

/** A piece of a word, remembering whether it was quoted (quoted expansions are not field-split). */
export type WordPart =
  | { kind: 'lit'; text: string; quoted: boolean }
  | { kind: 'var'; name: string; quoted: boolean }
  | { kind: 'cmd'; source: string; quoted: boolean };

export interface Word {
  parts: WordPart[];
}

export interface Redirect {
  fd: number;
  op: '>' | '>>' | '<' | '>&';
  /** A file name, or the fd to duplicate for `>&`. */
  target: Word | number;
}

export interface SimpleCommand {
  assigns: { name: string; value: Word }[];
  words: Word[];
  redirects: Redirect[];
}

export interface Pipeline {
  commands: SimpleCommand[];
}

export interface AndOrList {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

/** A parse failure: an unterminated quote, or a token where a command should be (`;;`, `| x`), or end of input. */
export type SyntaxError = { kind: 'unterminated' } | { kind: 'unexpected'; token: string } | { kind: 'eof' };

export type ParseResult = { ok: true; script: AndOrList[] } | { ok: false; error: SyntaxError };

type Token =
  | { type: 'word'; word: Word }
  | { type: 'op'; op: string }
  | { type: 'redir'; fd: number; op: Redirect['op'] };

/** Parses a script into and-or lists. */
export function parse(source: string): ParseResult {
  const tokens = tokenize(source);
  if (!Array.isArray(tokens)) return { ok: false, error: tokens };
  return new Parser(tokens).script();
}

function tokenize(src: string): Token[] | SyntaxError {
  const tokens: Token[] = [];
  let parts: WordPart[] = [];
  let lit = '';
  let inWord = false;
  const flushLit = (quoted = false) => {
    if (lit) parts.push({ kind: 'lit', text: lit, quoted });
    lit = '';
  };
  const endWord = () => {
    flushLit();
    if (inWord) tokens.push({ type: 'word', word: { parts } });
    parts = [];
    inWord = false;
  };
  let i = 0;
  while (i < src.length) {
    const c = src[i]!;
    if (c === ' ' || c === '\t') {
      endWord();
      i++;
    } else if (c === '#' && !inWord) {
      while (i < src.length && src[i] !== '\n') i++;
    } else if (c === '\n' || c === ';') {
      endWord();
      tokens.push({ type: 'op', op: c });
      i++;
    } else if (c === '&' || c === '|') {
      endWord();
      const two = src.slice(i, i + 2);
      if (two === '&&' || two === '||') {
        tokens.push({ type: 'op', op: two });
        i += 2;
      } else {
        tokens.push({ type: 'op', op: c === '&' ? ';' : '|' });
        i++;
      }
    } else if (c === '>' || c === '<') {
      // A word of one unquoted digit right before the operator is its file descriptor.
      let fd = c === '>' ? 1 : 0;
      if (inWord && parts.length === 0 && /^\d$/.test(lit)) {
        fd = Number(lit);
        lit = '';
        inWord = false;
      }
      endWord();
      if (src.slice(i, i + 2) === '>>') {
        tokens.push({ type: 'redir', fd, op: '>>' });
        i += 2;
      } else if (src.slice(i, i + 2) === '>&') {
        tokens.push({ type: 'redir', fd, op: '>&' });
        i += 2;
      } else {
        tokens.push({ type: 'redir', fd, op: c === '>' ? '>' : '<' });
        i++;
      }
    } else if (c === "'") {
      const end = src.indexOf("'", i + 1);
      if (end < 0) return { kind: 'unterminated' };
      flushLit();
      parts.push({ kind: 'lit', text: src.slice(i + 1, end), quoted: true });
      inWord = true;
      i = end + 1;
    } else if (c === '"') {
      flushLit();
      inWord = true;
      i++;
      let closed = false;
      while (i < src.length) {
        const d = src[i]!;
        if (d === '"') {
          closed = true;
          i++;
          break;
        }
        if (d === '\\' && i + 1 < src.length && '$`"\\\n'.includes(src[i + 1]!)) {
          lit += src[i + 1];
          i += 2;
        } else if (d === '$' || d === '`') {
          const exp = expansion(src, i, true);
          if ('kind' in exp && exp.kind === 'unterminated') return exp;
          const e = exp as { part: WordPart | undefined; next: number };
          if (e.part) {
            flushLit(true);
            parts.push(e.part);
          } else lit += d;
          i = e.next;
        } else {
          lit += d;
          i++;
        }
      }
      if (!closed) return { kind: 'unterminated' };
      flushLit(true);
      // An empty "" still makes a word.
      if (parts.length === 0) parts.push({ kind: 'lit', text: '', quoted: true });
    } else if (c === '\\') {
      inWord = true;
      if (src[i + 1] === '\n') i += 2;
      else {
        flushLit();
        parts.push({ kind: 'lit', text: src[i + 1] ?? '', quoted: true });
        i += 2;
      }
    } else if (c === '$' || c === '`') {
      const exp = expansion(src, i, false);
      if ('kind' in exp && exp.kind === 'unterminated') return exp;
      const e = exp as { part: WordPart | undefined; next: number };
      inWord = true;
      if (e.part) {
        flushLit();
        parts.push(e.part);
      } else lit += c;
      i = e.next;
    } else {
      inWord = true;
      lit += c;
      i++;
    }
  }
  endWord();
  return tokens;
}

/** Reads `$name`, `${name}`, `$?`, `$(...)` or a backquoted command starting at `i`. */
function expansion(
  src: string,
  i: number,
  quoted: boolean,
): { part: WordPart | undefined; next: number } | SyntaxError {
  if (src[i] === '`') {
    const end = src.indexOf('`', i + 1);
    if (end < 0) return { kind: 'unterminated' };
    return { part: { kind: 'cmd', source: src.slice(i + 1, end), quoted }, next: end + 1 };
  }
  const next = src[i + 1] ?? '';
  if (next === '(') {
    let depth = 0;
    let quote = '';
    for (let j = i + 1; j < src.length; j++) {
      const d = src[j]!;
      if (quote) {
        if (d === quote) quote = '';
      } else if (d === "'" || d === '"') quote = d;
      else if (d === '(') depth++;
      else if (d === ')' && --depth === 0)
        return { part: { kind: 'cmd', source: src.slice(i + 2, j), quoted }, next: j + 1 };
    }
    return { kind: 'unterminated' };
  }
  if (next === '{') {
    const end = src.indexOf('}', i + 2);
    if (end < 0) return { kind: 'unterminated' };
    return { part: { kind: 'var', name: src.slice(i + 2, end), quoted }, next: end + 1 };
  }
  if ('?$#!0123456789'.includes(next) && next)
    return { part: { kind: 'var', name: next, quoted }, next: i + 2 };
  const m = src.slice(i + 1).match(/^[A-Za-z_][A-Za-z0-9_]*/);
  if (m) return { part: { kind: 'var', name: m[0], quoted }, next: i + 1 + m[0].length };
  return { part: undefined, next: i + 1 };
}

class Parser {
  private pos = 0;
  constructor(private readonly tokens: Token[]) {}

  script(): ParseResult {
    const lists: AndOrList[] = [];
    for (;;) {
      while (this.isOp(';')) this.pos++;
      if (this.pos >= this.tokens.length) return { ok: true, script: lists };
      const list = this.andOr();
      if ('kind' in list) return { ok: false, error: list };
      lists.push(list);
      const t = this.tokens[this.pos];
      if (t && !this.isOp(';')) return { ok: false, error: { kind: 'unexpected', token: describe(t) } };
    }
  }

  private andOr(): AndOrList | SyntaxError {
    const first = this.pipeline();
    if ('kind' in first) return first;
    const list: AndOrList = { first, rest: [] };
    for (;;) {
      const t = this.tokens[this.pos];
      if (!(t?.type === 'op' && (t.op === '&&' || t.op === '||'))) return list;
      this.pos++;
      this.skipNewlines();
      const pipeline = this.pipeline();
      if ('kind' in pipeline) return pipeline;
      list.rest.push({ op: t.op as '&&' | '||', pipeline });
    }
  }

  private pipeline(): Pipeline | SyntaxError {
    const commands: SimpleCommand[] = [];
    for (;;) {
      const cmd = this.command();
      if ('kind' in cmd) return cmd;
      commands.push(cmd);
      if (!this.isOp('|')) return { commands };
      this.pos++;
      this.skipNewlines();
    }
  }

  private command(): SimpleCommand | SyntaxError {
    const cmd: SimpleCommand = { assigns: [], words: [], redirects: [] };
    for (;;) {
      const t = this.tokens[this.pos];
      if (!t || t.type === 'op') break;
      this.pos++;
      if (t.type === 'redir') {
        const target = this.tokens[this.pos];
        if (!target) return { kind: 'eof' };
        if (target.type !== 'word') return { kind: 'unexpected', token: describe(target) };
        this.pos++;
        const text = plainText(target.word);
        if (t.op === '>&' && text !== undefined && /^\d$/.test(text))
          cmd.redirects.push({ fd: t.fd, op: '>&', target: Number(text) });
        else cmd.redirects.push({ fd: t.fd, op: t.op === '>&' ? '>' : t.op, target: target.word });
        continue;
      }
      const assign = cmd.words.length === 0 ? assignment(t.word) : undefined;
      if (assign) cmd.assigns.push(assign);
      else cmd.words.push(t.word);
    }
    if (!cmd.words.length && !cmd.assigns.length && !cmd.redirects.length) {
      const t = this.tokens[this.pos];
      return t ? { kind: 'unexpected', token: describe(t) } : { kind: 'eof' };
    }
    return cmd;
  }

  /** True when the next token is `op`; a newline counts as `;`. */
  private isOp(op: string): boolean {
    const t = this.tokens[this.pos];
    return t?.type === 'op' && (t.op === op || (op === ';' && t.op === '\n'));
  }

  /** A newline may follow `&&`, `||` and `|`. */
  private skipNewlines(): void {
    while (this.tokens[this.pos]?.type === 'op' && (this.tokens[this.pos] as { op: string }).op === '\n')
      this.pos++;
  }
}

function describe(t: Token): string {
  if (t.type === 'op') return t.op;
  if (t.type === 'redir') return t.op;
  return plainText(t.word) ?? 'word';
}

/** The text of a word with no expansions, or undefined when it has some. */
export function plainText(word: Word): string | undefined {
  let out = '';
  for (const p of word.parts) {
    if (p.kind !== 'lit') return undefined;
    out += p.text;
  }
  return out;
}

/** `NAME=value` as the first words of a command. */
function assignment(word: Word): { name: string; value: Word } | undefined {
  const first = word.parts[0];
  if (!first || first.kind !== 'lit' || first.quoted) return undefined;
  const m = first.text.match(/^([A-Za-z_][A-Za-z0-9_]*)=/);
  if (!m) return undefined;
  const rest = first.text.slice(m[0].length);
  const parts: WordPart[] = rest
    ? [{ kind: 'lit', text: rest, quoted: true }, ...word.parts.slice(1)]
    : word.parts.slice(1);
  return { name: m[1]!, value: { parts } };
}
