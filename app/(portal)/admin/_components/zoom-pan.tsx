'use client';

import { useRef, useState, type ReactNode, type PointerEvent, type WheelEvent } from 'react';

interface Props {
  children: ReactNode;
  labels: { zoomIn: string; zoomOut: string; reset: string; exportSvg: string; exportPng: string };
  fileName: string;
}

/**
 * Zoom (wheel, buttons) and pan (drag) around a server-drawn SVG, plus export of the drawing
 * as SVG or PNG. Works on the SVG element inside, whatever draws it.
 */
export function ZoomPan({ children, labels, fileName }: Props) {
  const [scale, setScale] = useState(1);
  const [offset, setOffset] = useState({ x: 0, y: 0 });
  const drag = useRef<{ x: number; y: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);

  const zoom = (factor: number) => setScale((s) => Math.min(4, Math.max(0.25, s * factor)));
  const onWheel = (e: WheelEvent) => {
    if (!e.ctrlKey && !e.metaKey) return;
    e.preventDefault();
    zoom(e.deltaY < 0 ? 1.1 : 1 / 1.1);
  };
  const onDown = (e: PointerEvent) => {
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
      <div className="zoom-pan-tools" role="toolbar">
        <button type="button" className="btn" onClick={() => zoom(1.25)} aria-label={labels.zoomIn}>＋</button>
        <button type="button" className="btn" onClick={() => zoom(0.8)} aria-label={labels.zoomOut}>－</button>
        <button type="button" className="btn" onClick={() => { setScale(1); setOffset({ x: 0, y: 0 }); }}>{labels.reset}</button>
        <button type="button" className="btn" onClick={exportSvg}>{labels.exportSvg}</button>
        <button type="button" className="btn" onClick={exportPng}>{labels.exportPng}</button>
      </div>
      <div
        ref={box}
        className="zoom-pan-view"
        onWheel={onWheel}
        onPointerDown={onDown}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onPointerLeave={onUp}
      >
        <div style={{ transform: `translate(${offset.x}px, ${offset.y}px) scale(${scale})`, transformOrigin: '0 0' }}>{children}</div>
      </div>
    </div>
  );
}
