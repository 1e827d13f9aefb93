/**
 * A subset of Go's text/template, enough for the templates kubectl users pass to `--template` /
 * `-o go-template`: `{{.a.b}}`, `{{$v.a}}`, `{{range [$i, $v :=] X}}...{{end}}`, `{{if X}}...{{else}}...{{end}}`,
 * `{{index X "key"}}`, `{{"literal"}}`, `{{len X}}`, and `{{- ... -}}` trimming.
 */

export class TemplateError extends Error {}

type Node =
  | { type: 'text'; text: string }
  | { type: 'action'; expr: string }
  | { type: 'range'; vars: string[]; expr: string; body: Node[]; elseBody: Node[] }
  | { type: 'if'; expr: string; body: Node[]; elseBody: Node[] };

type Scope = { dot: unknown; vars: Record<string, unknown> };

/** Renders `template` against `data`. Throws TemplateError with Go's wording for parse errors. */
export function renderGoTemplate(template: string, data: unknown): string {
  const tokens = lex(template);
  const { nodes, rest } = parseNodes(tokens, 0, []);
  if (rest < tokens.length) throw new TemplateError(`error parsing template ${template}, template: output:1: unexpected {{${tokens[rest]!.text}}}`);
  return renderNodes(nodes, { dot: data, vars: { $: data } });
}

interface Tok {
  kind: 'text' | 'action';
  text: string;
}

function lex(template: string): Tok[] {
  const out: Tok[] = [];
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf('{{', i);
    if (open < 0) {
      out.push({ kind: 'text', text: template.slice(i) });
      break;
    }
    let text = template.slice(i, open);
    const close = template.indexOf('}}', open);
    if (close < 0) throw new TemplateError(`error parsing template ${template}, template: output:1: unclosed action`);
    let inner = template.slice(open + 2, close);
    if (inner.startsWith('-')) {
      text = text.replace(/\s+$/, '');
      inner = inner.slice(1);
    }
    let next = close + 2;
    if (inner.endsWith('-')) {
      inner = inner.slice(0, -1);
      while (next < template.length && /\s/.test(template[next]!)) next++;
    }
    if (text) out.push({ kind: 'text', text });
    out.push({ kind: 'action', text: inner.trim() });
    i = next;
  }
  return out;
}

function parseNodes(tokens: Tok[], start: number, stops: string[]): { nodes: Node[]; rest: number; stop?: string } {
  const nodes: Node[] = [];
  let i = start;
  while (i < tokens.length) {
    const t = tokens[i]!;
    if (t.kind === 'text') {
      nodes.push({ type: 'text', text: t.text });
      i++;
      continue;
    }
    const word = t.text.split(/\s+/)[0]!;
    if (stops.includes(word)) return { nodes, rest: i, stop: word };
    if (word === 'range' || word === 'if') {
      const header = t.text.slice(word.length).trim();
      const body = parseNodes(tokens, i + 1, ['end', 'else']);
      let elseBody: Node[] = [];
      let after = body.rest;
      if (body.stop === 'else') {
        const e = parseNodes(tokens, after + 1, ['end']);
        elseBody = e.nodes;
        after = e.rest;
      }
      if (tokens[after]?.text.split(/\s+/)[0] !== 'end') throw new TemplateError(`template: output:1: unexpected EOF`);
      if (word === 'range') {
        const m = header.match(/^((\$\w+)\s*(,\s*(\$\w+))?\s*:=\s*)?(.*)$/)!;
        const vars = m[1] ? [m[2]!, ...(m[4] ? [m[4]] : [])] : [];
        nodes.push({ type: 'range', vars, expr: m[5]!.trim(), body: body.nodes, elseBody });
      } else {
        nodes.push({ type: 'if', expr: header, body: body.nodes, elseBody });
      }
      i = after + 1;
      continue;
    }
    if (word === 'end' || word === 'else') return { nodes, rest: i };
    nodes.push({ type: 'action', expr: t.text });
    i++;
  }
  return { nodes, rest: i };
}

function renderNodes(nodes: Node[], scope: Scope): string {
  let out = '';
  for (const node of nodes) {
    if (node.type === 'text') out += node.text;
    else if (node.type === 'action') {
      if (node.expr.startsWith('/*')) continue;
      const assign = node.expr.match(/^(\$\w+)\s*:=\s*(.*)$/);
      if (assign) {
        scope.vars[assign[1]!] = evaluate(assign[2]!, scope);
        continue;
      }
      out += printValue(evaluate(node.expr, scope));
    } else if (node.type === 'if') {
      out += renderNodes(truthy(evaluate(node.expr, scope)) ? node.body : node.elseBody, scope);
    } else {
      const value = evaluate(node.expr, scope);
      const entries: [unknown, unknown][] = Array.isArray(value)
        ? value.map((v, i) => [i, v])
        : value && typeof value === 'object'
          ? Object.keys(value).sort().map((k) => [k, (value as Record<string, unknown>)[k]])
          : [];
      if (!entries.length) out += renderNodes(node.elseBody, scope);
      for (const [k, v] of entries) {
        const vars = { ...scope.vars };
        if (node.vars.length === 1) vars[node.vars[0]!] = v;
        if (node.vars.length === 2) {
          vars[node.vars[0]!] = k;
          vars[node.vars[1]!] = v;
        }
        out += renderNodes(node.body, { dot: v, vars });
      }
    }
  }
  return out;
}

function truthy(v: unknown): boolean {
  if (v === undefined || v === null || v === false || v === 0 || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

function printValue(v: unknown): string {
  if (v === undefined) return '<no value>';
  if (v === null) return '<nil>';
  if (typeof v === 'object') {
    if (Array.isArray(v)) return `[${v.map(printValue).join(' ')}]`;
    return `map[${Object.keys(v).sort().map((k) => `${k}:${printValue((v as Record<string, unknown>)[k])}`).join(' ')}]`;
  }
  return String(v);
}

function splitArgs(expr: string): string[] {
  const out: string[] = [];
  const re = /"((?:[^"\\]|\\.)*)"|`([^`]*)`|(\S+)/g;
  let m: RegExpExecArray | null;
  while ((m = re.exec(expr))) out.push(m[0]);
  return out;
}

function evaluate(expr: string, scope: Scope): unknown {
  const pipeParts = expr.split('|').map((p) => p.trim());
  let value = evalCommand(pipeParts[0]!, scope, undefined);
  for (const part of pipeParts.slice(1)) value = evalCommand(part, scope, value);
  return value;
}

function evalCommand(expr: string, scope: Scope, piped: unknown): unknown {
  const args = splitArgs(expr);
  const [head, ...rest] = args;
  if (head === undefined) throw new TemplateError('template: output:1: missing value for command');
  const withPiped = piped === undefined ? rest.map((a) => operand(a, scope)) : [...rest.map((a) => operand(a, scope)), piped];
  switch (head) {
    case 'index': {
      let v = withPiped[0];
      for (const k of withPiped.slice(1)) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[String(k)] : undefined;
      return v;
    }
    case 'len': {
      const v = withPiped[0];
      return Array.isArray(v) ? v.length : v && typeof v === 'object' ? Object.keys(v).length : String(v ?? '').length;
    }
    case 'printf': {
      const [format, ...values] = withPiped;
      let i = 0;
      return String(format).replace(/%[vsd]/g, () => printValue(values[i++]));
    }
    case 'print':
      return withPiped.map(printValue).join(' ');
    case 'println':
      return withPiped.map(printValue).join(' ') + '\n';
    case 'not':
      return !truthy(withPiped[0]);
    case 'eq':
      return withPiped.slice(1).some((v) => v === withPiped[0]);
    case 'ne':
      return withPiped[0] !== withPiped[1];
    default:
      if (rest.length) throw new TemplateError(`template: output:1: function "${head}" not defined`);
      return operand(head, scope);
  }
}

function operand(text: string, scope: Scope): unknown {
  if (text.startsWith('"')) return JSON.parse(text) as unknown;
  if (text.startsWith('`')) return text.slice(1, -1);
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  let base: unknown;
  let path: string;
  if (text.startsWith('$')) {
    const m = text.match(/^(\$\w*)(.*)$/)!;
    if (!(m[1]! in scope.vars)) throw new TemplateError(`template: output:1: undefined variable "${m[1]}"`);
    base = scope.vars[m[1]!];
    path = m[2]!;
  } else if (text.startsWith('.')) {
    base = scope.dot;
    path = text === '.' ? '' : text;
  } else {
    throw new TemplateError(`template: output:1: function "${text}" not defined`);
  }
  for (const key of path.split('.').filter(Boolean)) {
    base = base && typeof base === 'object' ? (base as Record<string, unknown>)[key] : undefined;
  }
  return base;
}
