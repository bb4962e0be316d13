'use client';

import { useRef, useState, type KeyboardEvent, type ReactNode, type PointerEvent, type WheelEvent } from 'react';

interface Props {
  children: ReactNode;
  labels: { zoomIn: string; zoomOut: string; reset: string; exportSvg: string; exportPng: string; keys: string };
  fileName: string;
}

const MIN = 1;
const MAX = 6;
const STEP = 60;

/**
 * Zoom (buttons, ctrl+wheel, + and − keys) and pan (drag, arrow keys) around a server-drawn
 * SVG that first paints fitted to the frame's width (CSS), plus export as SVG or PNG. Works on
 * the SVG element inside, whatever draws it.
 */
export function ZoomPan({ children, labels, fileName }: Props) {
  const [scale, setScale] = useState(1);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const zoom = (factor: number) =>
    setScale((s) => {
      const next = Math.min(MAX, Math.max(MIN, s * factor));
      if (next === MIN) setOffset({ x: 0, y: 0 });
      return next;
    });
  const reset = () => {
    setScale(1);
    setOffset({ x: 0, y: 0 });
  };
  const pan = (dx: number, dy: number) => setOffset((o) => ({ x: o.x + dx, y: o.y + dy }));
  const onWheel = (e: WheelEvent) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    zoom(e.deltaY < 0 ? 1.1 : 1 / 1.1);
  };
  const onKey = (e: KeyboardEvent) => {
    const act: Record<string, () => void> = {
      '+': () => zoom(1.25),
      '=': () => zoom(1.25),
      '-': () => zoom(0.8),
      '0': reset,
      ArrowLeft: () => pan(STEP, 0),
      ArrowRight: () => pan(-STEP, 0),
      ArrowUp: () => pan(0, STEP),
      ArrowDown: () => pan(0, -STEP),
    };
    const f = act[e.key];
    if (!f) return;
    e.preventDefault();
    f();
  };
  const onDown = (e: PointerEvent) => {
    if (scale === 1) return; // fitted: nothing to pan, and page scrolling on phones stays free
    drag.current = { x: e.clientX - offset.x, y: e.clientY - offset.y };
    (e.target as Element).setPointerCapture?.(e.pointerId);
  };
  const onMove = (e: PointerEvent) => {
    if (drag.current) setOffset({ x: e.clientX - drag.current.x, y: e.clientY - drag.current.y });
  };
  const onUp = () => {
    drag.current = null;
  };

  function svgText(): string | null {
    const svg = box.current?.querySelector('svg');
    return svg ? new XMLSerializer().serializeToString(svg) : null;
  }
  function download(href: string, name: string) {
    const a = document.createElement('a');
    a.href = href;
    a.download = name;
    a.click();
  }
  function exportSvg() {
    const text = svgText();
    if (!text) return;
    const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
    download(url, `${fileName}.svg`);
    setTimeout(() => URL.revokeObjectURL(url), 1000);
  }
  function exportPng() {
    const svg = box.current?.querySelector('svg');
    const text = svgText();
    if (!svg || !text) return;
    // The drawing's own size (its width/height attributes), twice over for sharp text.
    const w = Number(svg.getAttribute('width')) * 2;
    const h = Number(svg.getAttribute('height')) * 2;
    const img = new Image();
    img.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = w;
      canvas.height = h;
      canvas.getContext('2d')!.drawImage(img, 0, 0, w, h);
      download(canvas.toDataURL('image/png'), `${fileName}.png`);
    };
    img.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
  }

  return (
    <div className="zoom-pan">
      <div className="zoom-pan-tools" role="toolbar" aria-label={labels.keys}>
        <button type="button" className="btn secondary" onClick={() => zoom(1.25)} aria-label={labels.zoomIn}>＋</button>
        <button type="button" className="btn secondary" onClick={() => zoom(0.8)} aria-label={labels.zoomOut}>－</button>
        <button type="button" className="btn secondary" onClick={reset}>{labels.reset}</button>
        <button type="button" className="btn secondary" onClick={exportSvg}>{labels.exportSvg}</button>
        <button type="button" className="btn secondary" onClick={exportPng}>{labels.exportPng}</button>
      </div>
      <div
        ref={box}
        className="zoom-pan-view"
        data-zoomed={scale > 1 ? 'true' : undefined}
        tabIndex={0}
        role="group"
        aria-label={labels.keys}
        onKeyDown={onKey}
        onWheel={onWheel}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerLeave={onUp}
      >
        <div className="zoom-pan-canvas" style={{ transform: `translate(${offset.x}px, ${offset.y}px) scale(${scale})` }}>
          {children}
        </div>
      </div>
    </div>
  );
}
