'use client';

import { useActionState } from 'react';
import { saveDayAction, saveTermAction, type CalendarActionState } from '../../../actions/calendar';

export interface DayFormLabels {
  day: string;
  kind: string;
  holiday: string;
  workday: string;
  name: string;
  nameEn: string;
  save: string;
}

export function DayForm({ labels }: { labels: DayFormLabels }) {
  const [state, action, pending] = useActionState<CalendarActionState, FormData>(saveDayAction, {});
  return (
    <form action={action} className="grid grid-2">
      {state.error ? (
        <div className="alert error" role="alert" style={{ gridColumn: '1 / -1' }}>
          {state.error}
        </div>
      ) : null}
      <div className="field">
        <label htmlFor="cal-day">{labels.day}</label>
        <input id="cal-day" name="day" type="date" required />
      </div>
      <div className="field">
        <label htmlFor="cal-kind">{labels.kind}</label>
        <select id="cal-kind" name="kind" required defaultValue="holiday">
          <option value="holiday">{labels.holiday}</option>
          <option value="workday">{labels.workday}</option>
        </select>
      </div>
      <div className="field">
        <label htmlFor="cal-name">{labels.name}</label>
        <input id="cal-name" name="nameZh" required maxLength={50} />
      </div>
      <div className="field">
        <label htmlFor="cal-name-en">{labels.nameEn}</label>
        <input id="cal-name-en" name="nameEn" maxLength={80} />
      </div>
      <button className="btn" type="submit" disabled={pending}>
        {labels.save}
      </button>
    </form>
  );
}

export function TermForm({ id, startsOn, endsOn, labels }: { id: string; startsOn: string; endsOn: string; labels: { starts: string; ends: string; save: string } }) {
  const [state, action, pending] = useActionState<CalendarActionState, FormData>(saveTermAction, {});
  return (
    <form action={action} className="actions" style={{ flexWrap: 'wrap' }}>
      <input type="hidden" name="id" value={id} />
      <label>
        {labels.starts} <input name="startsOn" type="date" defaultValue={startsOn} required />
      </label>
      <label>
        {labels.ends} <input name="endsOn" type="date" defaultValue={endsOn} required />
      </label>
      <button className="btn secondary" type="submit" disabled={pending}>
        {labels.save}
      </button>
      {state.error ? (
        <span className="error" role="alert">
          {state.error}
        </span>
      ) : null}
    </form>
  );
}
