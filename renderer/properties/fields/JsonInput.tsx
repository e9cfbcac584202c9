import { useEffect, useRef, useState } from 'react';
import { CodeEditor } from './CodeEditor';

/** Free-form JSON (hyperparameters, bodies): the document gets the value once the text parses. */
export function JsonInput({
  labelId,
  value,
  onChange,
  onSyntax,
  testId,
}: {
  labelId: string;
  value: unknown;
  onChange: (value: unknown) => void;
  onSyntax: (message: string | null) => void;
  testId?: string;
}) {
  const [text, setText] = useState(() => (value === undefined ? '' : JSON.stringify(value, null, 2)));
  const committed = useRef(value);
  useEffect(() => {
    if (value !== committed.current) {
      committed.current = value;
      setText(value === undefined ? '' : JSON.stringify(value, null, 2));
      onSyntax(null);
    }
  }, [value, onSyntax]);
  const edit = (next: string) => {
    setText(next);
    if (next.trim() === '') {
      onSyntax(null);
      committed.current = undefined;
      onChange(undefined);
      return;
    }
    try {
      const parsed: unknown = JSON.parse(next);
      onSyntax(null);
      committed.current = parsed;
      onChange(parsed);
    } catch (error) {
      onSyntax(`not valid JSON yet: ${error instanceof Error ? error.message : String(error)}`);
    }
  };
  return <CodeEditor value={text} language="json" labelId={labelId} onChange={edit} testId={testId} />;
}
