/**
 * CodeMirror 6 with YAML highlighting and lint diagnostics, as a controlled-enough React component: the
 * text flows out through `onChange`; `text` flows in only when it differs from the editor's (a template
 * load), so typing never fights React. Lives in the editor's lazy chunk with CodeMirror itself.
 */
import { useEffect, useRef } from 'react';
import { EditorView, basicSetup } from 'codemirror';
import { yaml } from '@codemirror/lang-yaml';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import type { Diagnostic as CmDiagnostic } from '@codemirror/lint';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { EditorSelection } from '@codemirror/state';
import { tags } from '@lezer/highlight';
import type { Diagnostic } from './diagnostics';
import { lineRange } from './diagnostics';

interface Props {
  text: string;
  onChange: (text: string) => void;
  diagnostics: readonly Diagnostic[];
  /** The accessible name of the editing area. */
  label: string;
  /** Set to a line number to move the cursor there and focus the editor (a problem's "go to line"). */
  goTo: { line: number; seq: number } | null;
}

const theme = EditorView.theme({
  '&': { height: '100%', fontSize: '0.85rem', backgroundColor: 'var(--surface)', color: 'var(--text)' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)' },
  '.cm-gutters': { backgroundColor: 'var(--node-header)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--accent) 7%, transparent)' },
  '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--accent) 12%, transparent)' },
  '&.cm-focused': { outline: '2px solid var(--accent)', outlineOffset: '-2px' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-tooltip': { backgroundColor: 'var(--surface)', color: 'var(--text)', border: '1px solid var(--border)' },
});

/** YAML colours from editor.css variables, so both themes keep AA contrast. */
const highlight = HighlightStyle.define([
  { tag: [tags.propertyName, tags.definition(tags.propertyName)], color: 'var(--yaml-key)' },
  { tag: [tags.string, tags.special(tags.string), tags.content], color: 'var(--yaml-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom, tags.keyword], color: 'var(--yaml-literal)' },
  { tag: [tags.comment, tags.lineComment], color: 'var(--yaml-comment)', fontStyle: 'italic' },
  { tag: [tags.meta, tags.punctuation, tags.separator, tags.typeName, tags.labelName], color: 'var(--yaml-meta)' },
]);

function toCodeMirror(text: string, diagnostics: readonly Diagnostic[]): CmDiagnostic[] {
  return diagnostics.map((d) => ({ ...lineRange(text, d.line), severity: d.severity, message: d.message, source: 'kube-apiserver' }));
}

export function CodeEditor({ text, onChange, diagnostics, label, goTo }: Props) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);

  useEffect(() => {
    const editor = new EditorView({
      doc: text,
      parent: host.current!,
      extensions: [
        basicSetup,
        yaml(),
        syntaxHighlighting(highlight),
        lintGutter(),
        theme,
        EditorView.contentAttributes.of({ 'aria-label': label }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChangeRef.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = editor;
    return () => {
      editor.destroy();
      view.current = null;
    };
    // The editor is created once; later texts arrive through the effect below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const current = editor.state.doc.toString();
    if (current !== text) editor.dispatch({ changes: { from: 0, to: current.length, insert: text } });
  }, [text]);

  useEffect(() => {
    const editor = view.current;
    if (!editor) return;
    const doc = editor.state.doc.toString();
    editor.dispatch(setDiagnostics(editor.state, toCodeMirror(doc, diagnostics)));
  }, [diagnostics]);

  useEffect(() => {
    const editor = view.current;
    if (!editor || !goTo) return;
    const { from } = lineRange(editor.state.doc.toString(), goTo.line);
    editor.dispatch({ selection: EditorSelection.cursor(from), scrollIntoView: true });
    editor.focus();
  }, [goTo]);

  return <div ref={host} className="yaml-editor-code" />;
}
