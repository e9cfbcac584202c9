import { python } from '@codemirror/lang-python';
import { HighlightStyle, StreamLanguage, syntaxHighlighting } from '@codemirror/language';
import { json } from '@codemirror/legacy-modes/mode/javascript';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { yaml } from '@codemirror/legacy-modes/mode/yaml';
import { Compartment, EditorState, type Extension } from '@codemirror/state';
import { tags } from '@lezer/highlight';
import { basicSetup, EditorView } from 'codemirror';
import { memo, useEffect, useRef } from 'react';

/*
 * CodeMirror 6 in a React component. The view is created once per mounted field; a value that
 * changes from outside (undo, another task selected) replaces the text without recreating it.
 */

export type CodeLanguage = 'bash' | 'python' | 'json' | 'yaml' | 'text';

function languageOf(language: CodeLanguage): Extension {
  switch (language) {
    case 'python':
      return python();
    case 'bash':
      return StreamLanguage.define(shell);
    case 'json':
      return StreamLanguage.define(json);
    case 'yaml':
      return StreamLanguage.define(yaml);
    default:
      return [];
  }
}

/* Colours come from CSS variables, so one highlight style serves the light and the dark theme. */
const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.controlKeyword, tags.operatorKeyword, tags.definitionKeyword, tags.modifier], color: 'var(--code-keyword)' },
  { tag: [tags.string, tags.special(tags.string), tags.regexp], color: 'var(--code-string)' },
  { tag: [tags.number, tags.bool, tags.null, tags.atom], color: 'var(--code-number)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--code-comment)', fontStyle: 'italic' },
  { tag: [tags.function(tags.variableName), tags.function(tags.propertyName)], color: 'var(--code-function)' },
  { tag: [tags.variableName, tags.special(tags.variableName)], color: 'var(--code-variable)' },
  { tag: [tags.propertyName], color: 'var(--code-property)' },
  { tag: [tags.typeName, tags.className], color: 'var(--code-type)' },
  { tag: [tags.operator, tags.punctuation], color: 'var(--code-operator)' },
]);

const baseTheme = EditorView.theme({
  '&': { fontSize: '12.5px', backgroundColor: 'var(--input-bg)', color: 'var(--text)', borderRadius: '6px' },
  '&.cm-focused': { outline: 'none' },
  '.cm-content': { fontFamily: 'var(--mono)', caretColor: 'var(--text)' },
  '.cm-gutters': { backgroundColor: 'var(--input-bg)', color: 'var(--text-faint)', border: 'none' },
  '.cm-activeLine': { backgroundColor: 'var(--code-active-line)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--code-active-line)' },
  '.cm-selectionBackground, &.cm-focused .cm-selectionBackground, ::selection': { backgroundColor: 'var(--code-selection) !important' },
  '.cm-cursor': { borderLeftColor: 'var(--text)' },
  '.cm-scroller': { maxHeight: '320px', minHeight: '84px' },
  '.cm-tooltip': { backgroundColor: 'var(--surface-raised)', border: '1px solid var(--border)' },
});

export interface CodeEditorProps {
  value: string;
  language: CodeLanguage;
  labelId: string;
  onChange: (value: string) => void;
  invalid?: boolean;
  testId?: string;
}

export const CodeEditor = memo(function CodeEditor({ value, language, labelId, onChange, invalid, testId }: CodeEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const onChangeRef = useRef(onChange);
  onChangeRef.current = onChange;
  const languageSlot = useRef(new Compartment());

  useEffect(() => {
    const state = EditorState.create({
      doc: value,
      extensions: [
        basicSetup,
        languageSlot.current.of(languageOf(language)),
        syntaxHighlighting(highlight),
        baseTheme,
        EditorView.lineWrapping,
        EditorView.contentAttributes.of({ 'aria-labelledby': labelId, 'aria-multiline': 'true' }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) onChangeRef.current(update.state.doc.toString());
        }),
      ],
    });
    view.current = new EditorView({ state, parent: host.current! });
    return () => {
      view.current?.destroy();
      view.current = null;
    };
    // The view lives as long as the field; value and language changes are applied below.
  }, []);

  useEffect(() => {
    const v = view.current;
    if (!v) return;
    const current = v.state.doc.toString();
    if (current !== value) v.dispatch({ changes: { from: 0, to: current.length, insert: value } });
  }, [value]);

  useEffect(() => {
    view.current?.dispatch({ effects: languageSlot.current.reconfigure(languageOf(language)) });
  }, [language]);

  return <div ref={host} className={`code-editor${invalid ? ' is-invalid' : ''}`} data-testid={testId} data-language={language} />;
});
