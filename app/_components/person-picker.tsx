'use client';

import { useId, useState } from 'react';
import { matchesPerson, type PickablePerson } from '@/lib/instances/person-match';

/** How many matches the picker lists at once: a search narrows it. */
const SHOWN = 12;

export interface PersonPickerLabels {
  legend: string;
  search: string;
  none: string;
  /** With several chosen: '已选 {n} 人'. */
  chosenCount?: string;
}

/**
 * Choosing a person: search by name, 工号 or pinyin (full or initials), pick one from the list of
 * people the operation allows, each shown with name, 工号 and department. One picker wherever a
 * person is chosen (转办, 委派, 加签, a form's 代理人, 抄送); the radio group carries `name` for forms.
 * With `chosen` a list (抄送), people are ticked and unticked (checkboxes; onChoose toggles one).
 */
export function PersonPicker({
  people,
  chosen,
  onChoose,
  labels,
  locale,
  name,
  error,
  hint,
}: {
  people: PickablePerson[];
  chosen: string | null | string[];
  onChoose: (person: PickablePerson) => void;
  labels: PersonPickerLabels;
  locale: 'zh' | 'en';
  name?: string;
  error?: string;
  hint?: string;
}) {
  const [query, setQuery] = useState('');
  const id = useId();
  const matches = people.filter((p) => matchesPerson(p, query));
  const multiple = Array.isArray(chosen);
  const isChosen = (p: PickablePerson) => (multiple ? chosen.includes(p.username) : chosen === p.username);
  // In the order they were chosen, so the summary reads as the person picked them.
  const picked = multiple ? chosen.flatMap((u) => people.filter((p) => p.username === u)) : people.filter(isChosen);
  // Chosen people stay listed while a search hides the others, so the choice stays visible.
  const rest = matches.filter((p) => !isChosen(p));
  const shown = [...picked, ...rest.slice(0, Math.max(0, SHOWN - picked.length))];
  const described = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className="field person-picker" aria-describedby={described} aria-invalid={error ? true : undefined}>
      <legend>{labels.legend}</legend>
      {hint ? (
        <span className="hint" id={`${id}-hint`}>
          {hint}
        </span>
      ) : null}
      {multiple && picked.length > 0 && labels.chosenCount ? (
        <p className="muted" aria-live="polite" data-testid="picker-chosen">
          {labels.chosenCount.replace('{n}', String(picked.length))}：{picked.map((p) => p.name).join('、')}
        </p>
      ) : null}
      <input type="search" aria-label={labels.search} placeholder={labels.search} value={query} maxLength={32} onChange={(e) => setQuery(e.target.value)} />
      {shown.length === 0 ? (
        <p className="muted">{labels.none}</p>
      ) : (
        <ul className="list" style={{ marginTop: 8 }}>
          {shown.map((p) => (
            <li key={p.username}>
              <label className="person-option">
                <input type={multiple ? 'checkbox' : 'radio'} name={name ?? `${id}-person`} value={p.username} checked={isChosen(p)} onChange={() => onChoose(p)} />
                <span>
                  {p.name} <span className="muted">· {p.username} · {p.orgName[locale]}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
      )}
      {error ? (
        <span className="error" id={`${id}-error`}>
          {error}
        </span>
      ) : null}
    </fieldset>
  );
}
