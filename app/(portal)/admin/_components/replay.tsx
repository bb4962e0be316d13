'use client';

import { useState, type ReactNode } from 'react';
import type { DiagramLayout } from '@/lib/admin/diagram/layout-diagram';
import { pathUpTo } from '@/lib/admin/diagram/path-taken';
import { StatechartSvg } from './statechart-svg';
import { ZoomPan } from './zoom-pan';

export interface ReplayEvent {
  seq: number;
  /** The event type (matched against the diagram's edges) and its words (核实通过). */
  type: string;
  label: string;
  fromState: string | null;
  toState: string;
  at: string;
  actor: string;
  comment: string | null;
  attachments: string[];
}

interface Labels {
  step: string;
  prev: string;
  next: string;
  replay: string;
  events: string;
  seq: string;
  at: string;
  actor: string;
  event: string;
  transition: string;
  comment: string;
  attachments: string;
  zoomIn: string;
  zoomOut: string;
  reset: string;
  exportSvg: string;
  exportPng: string;
  keys: string;
}

/**
 * Step-through replay: a slider and previous/next over the event log; the diagram shows the
 * state after the chosen event and the path taken up to it.
 */
export function Replay({ layout, events, labels, title, fileName, legend }: { layout: DiagramLayout; events: ReplayEvent[]; labels: Labels; title: string; fileName: string; legend?: ReactNode }) {
  const [index, setIndex] = useState(events.length - 1);
  const current = events[index];
  const path = pathUpTo(layout.edges, events, index);
  const stateLabel = (key: string | null) => (key === null ? '—' : key.split(',').map((p) => layout.nodes.find((n) => n.path === p)?.label ?? '—').join('、'));
  const stepText = labels.step.replace('{i}', String(index + 1)).replace('{n}', String(events.length));
  return (
    <section className="card" aria-labelledby="replay-title">
      <h2 id="replay-title">{labels.replay}</h2>
      <div className="replay-controls">
        <button type="button" className="btn secondary" onClick={() => setIndex((i) => Math.max(0, i - 1))} disabled={index === 0}>
          {labels.prev}
        </button>
        <input
          type="range"
          min={0}
          max={Math.max(0, events.length - 1)}
          value={index}
          onChange={(e) => setIndex(Number(e.target.value))}
          aria-label={labels.replay}
          aria-valuetext={stepText}
        />
        <button type="button" className="btn secondary" onClick={() => setIndex((i) => Math.min(events.length - 1, i + 1))} disabled={index >= events.length - 1}>
          {labels.next}
        </button>
        <span data-testid="replay-step" aria-live="polite">
          {stepText}
          {current ? ` · ${current.label} → ${stateLabel(current.toState)}` : ''}
        </span>
      </div>
      <div data-testid="replay-diagram" data-active={current?.toState ?? ''}>
        <ZoomPan fileName={fileName} labels={labels}>
          <StatechartSvg layout={layout} active={current ? current.toState.split(',') : []} visited={path.states} visitedEdges={path.edges} title={title} />
        </ZoomPan>
      </div>
      {legend}
      <h3>{labels.events}</h3>
      <div className="table-wrap">
        <table className="data event-log" data-testid="event-log">
          <thead>
            <tr>
              <th scope="col" className="num">{labels.seq}</th>
              <th scope="col">{labels.at}</th>
              <th scope="col">{labels.actor}</th>
              <th scope="col">{labels.event}</th>
              <th scope="col">{labels.transition}</th>
              <th scope="col">{labels.comment}</th>
              <th scope="col">{labels.attachments}</th>
            </tr>
          </thead>
          <tbody>
            {events.map((e, i) => (
              <tr key={e.seq} aria-current={i === index ? 'step' : undefined} style={i === index ? { background: '#dbeafe' } : i > index ? { opacity: 0.5 } : undefined} onClick={() => setIndex(i)}>
                <td className="num">{e.seq}</td>
                <td>{e.at}</td>
                <td>{e.actor}</td>
                <td>{e.label}</td>
                <td>
                  {stateLabel(e.fromState)} → {stateLabel(e.toState)}
                </td>
                <td style={{ whiteSpace: 'normal' }}>{e.comment ?? ''}</td>
                <td>{e.attachments.join(', ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
