/**
 * Parses tokens into the small shell grammar the terminal runs: lists (`;`, `&&`, `||`), pipelines (`|`),
 * `for NAME in WORDS; do LIST; done`, simple commands with here-documents and `>` redirections.
 */
import { ShellSyntaxError } from './lexer';
import type { HereDoc, Token, Word } from './lexer';

export interface SimpleCommand {
  type: 'simple';
  words: Word[];
  /** Here-document bodies feeding stdin (the last one wins, as in sh). */
  hereDocs: HereDoc[];
  /** `> file` / `>> file` targets: the terminal has no files, so output sent there is dropped. */
  redirects: Word[];
}

export interface ForLoop {
  type: 'for';
  variable: string;
  items: Word[];
  body: List;
}

export type Command = SimpleCommand | ForLoop;

export interface Pipeline {
  commands: Command[];
}

export interface AndOr {
  first: Pipeline;
  rest: { op: '&&' | '||'; pipeline: Pipeline }[];
}

export interface List {
  items: AndOr[];
}

/** Parses a whole line. Throws ShellSyntaxError with bash's wording on bad input. */
export function parse(tokens: Token[]): List {
  const p = new Parser(tokens);
  const list = p.list([]);
  if (!p.done()) throw new ShellSyntaxError(`syntax error near unexpected token \`${p.describe()}'`);
  return list;
}

class Parser {
  private i = 0;
  constructor(private readonly tokens: Token[]) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  describe(): string {
    const t = this.tokens[this.i];
    if (!t) return 'newline';
    if (t.kind === 'op') return t.op;
    if (t.kind === 'heredoc') return '<<';
    return wordText(t);
  }

  private peekWord(text: string): boolean {
    const t = this.tokens[this.i];
    return t?.kind === 'word' && !t.quoted && wordText(t) === text;
  }

  private peekOp(...ops: string[]): string | undefined {
    const t = this.tokens[this.i];
    return t?.kind === 'op' && ops.includes(t.op) ? t.op : undefined;
  }

  list(terminators: string[]): List {
    const items: AndOr[] = [];
    for (;;) {
      while (this.peekOp(';', '&')) this.i++;
      if (this.done() || terminators.some((t) => this.peekWord(t))) break;
      items.push(this.andOr());
      if (!this.peekOp(';', '&')) break;
    }
    return { items };
  }

  private andOr(): AndOr {
    const first = this.pipeline();
    const rest: AndOr['rest'] = [];
    let op: string | undefined;
    while ((op = this.peekOp('&&', '||'))) {
      this.i++;
      rest.push({ op: op as '&&' | '||', pipeline: this.pipeline() });
    }
    return { first, rest };
  }

  private pipeline(): Pipeline {
    const commands = [this.command()];
    while (this.peekOp('|')) {
      this.i++;
      commands.push(this.command());
    }
    return { commands };
  }

  private command(): Command {
    if (this.peekWord('for')) return this.forLoop();
    const words: Word[] = [];
    const hereDocs: HereDoc[] = [];
    const redirects: Word[] = [];
    for (;;) {
      const t = this.tokens[this.i];
      if (!t) break;
      if (t.kind === 'word') {
        if (words.length === 0 && ['do', 'done', 'then', 'fi'].includes(wordText(t)) && !t.quoted) break;
        words.push(t);
        this.i++;
      } else if (t.kind === 'heredoc') {
        hereDocs.push(t);
        this.i++;
      } else if (t.op === '>' || t.op === '>>') {
        this.i++;
        const target = this.tokens[this.i];
        if (target?.kind !== 'word') throw new ShellSyntaxError("syntax error near unexpected token `newline'");
        redirects.push(target);
        this.i++;
      } else break;
    }
    if (words.length === 0) throw new ShellSyntaxError(`syntax error near unexpected token \`${this.describe()}'`);
    return { type: 'simple', words, hereDocs, redirects };
  }

  private forLoop(): ForLoop {
    this.i++; // for
    const name = this.tokens[this.i];
    if (name?.kind !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(wordText(name))) {
      throw new ShellSyntaxError(`\`${name ? this.describe() : 'newline'}': not a valid identifier`);
    }
    this.i++;
    const items: Word[] = [];
    if (this.peekWord('in')) {
      this.i++;
      while (this.tokens[this.i]?.kind === 'word' && !this.peekWord('do')) {
        items.push(this.tokens[this.i] as Word);
        this.i++;
      }
    }
    while (this.peekOp(';')) this.i++;
    if (!this.peekWord('do')) throw new ShellSyntaxError(`syntax error near unexpected token \`${this.describe()}'`);
    this.i++;
    const body = this.list(['done']);
    if (!this.peekWord('done')) throw new ShellSyntaxError("syntax error: unexpected end of file");
    this.i++;
    return { type: 'for', variable: wordText(name), items, body };
  }
}

/** The literal text of a word, without expansion. */
export function wordText(word: Word): string {
  return word.parts.map((p) => ('literal' in p ? p.literal : `$${p.variable}`)).join('');
}
