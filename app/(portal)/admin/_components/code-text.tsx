/**
 * A translated sentence with literal code in it (CSV column names an admin must type as they
 * are): the sentence's {columns} placeholder becomes <code translate="no">, so neither machine
 * translation nor the no-code-ids test takes it for an untranslated word.
 */
export function WithCode({ text, code }: { text: (placeholder: string) => string; code: string }) {
  const MARK = '\u0000';
  const [before, after = ''] = text(MARK).split(MARK);
  return (
    <>
      {before}
      <code translate="no">{code}</code>
      {after}
    </>
  );
}
