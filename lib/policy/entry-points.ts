import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Every entry point of the app read from its source: route handlers (app/**\/route.ts) and server
 * actions (exports of 'use server' files), each with the permission it declares. The coverage test
 * fails for one that is not built with route()/action(); the authorization matrix
 * (e2e/proof-authz.spec.ts) takes each route's declared permission from here.
 */
export interface EntryPoint {
  /** Path under app/ of the route's folder ('api/v1/instances/[id]'), or of the actions file. */
  at: string;
  kind: 'route' | 'action';
  /** HTTP method, or the action's exported name. */
  name: string;
  /** Built with route() / action(). */
  wrapped: boolean;
  /** A policy action, 'signed-in', or 'public'; null when none is declared. */
  permission: string | null;
}

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS'];

function walk(dir: string, visit: (file: string) => void): void {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full, visit);
    else if (/\.(ts|tsx)$/.test(entry.name) && !entry.name.endsWith('.test.ts')) visit(full);
  }
}

/** The source of one export: from `export …name` to the next top-level export. */
function exportBody(source: string, start: number): string {
  const next = source.slice(start + 1).search(/\nexport\s/);
  return next === -1 ? source.slice(start) : source.slice(start, start + 1 + next);
}

function declared(body: string): string | null {
  if (/permission:\s*\{\s*public:/.test(body)) return 'public';
  return /permission:\s*'([a-z.-]+)'/.exec(body)?.[1] ?? null;
}

export function scanEntryPoints(root: string): EntryPoint[] {
  const appDir = path.join(root, 'app');
  const found: EntryPoint[] = [];
  walk(appDir, (file) => {
    const source = readFileSync(file, 'utf8');
    const rel = path.relative(appDir, file).split(path.sep).join('/');
    if (/(^|\/)route\.ts$/.test(rel)) {
      const at = rel.replace(/\/?route\.ts$/, '');
      for (const m of source.matchAll(/export\s+(?:const\s+(\w+)\s*=|(?:async\s+)?function\s+(\w+))/g)) {
        const name = (m[1] ?? m[2])!;
        if (!METHODS.includes(name)) continue;
        const body = exportBody(source, m.index);
        found.push({ at, kind: 'route', name, wrapped: /^export\s+const\s+\w+\s*=\s*route\s*(<[^(]*>)?\(/.test(body), permission: declared(body) });
      }
      for (const m of source.matchAll(/export\s*\{([^}]*)\}/g)) {
        for (const name of m[1]!.split(',').map((s) => s.trim().split(/\s+as\s+/).pop()!)) {
          if (METHODS.includes(name)) found.push({ at, kind: 'route', name, wrapped: false, permission: null });
        }
      }
    } else if (/^\s*(\/\/[^\n]*\n|\/\*[\s\S]*?\*\/\s*)*['"]use server['"]/.test(source)) {
      for (const m of source.matchAll(/export\s+(?:const\s+(\w+)\s*=|(?:async\s+)?function\s+(\w+)|default\s)/g)) {
        const name = m[1] ?? m[2] ?? 'default';
        const body = exportBody(source, m.index);
        found.push({ at: rel, kind: 'action', name, wrapped: /^export\s+const\s+\w+\s*=\s*action\s*(<[^(]*>)?\(/.test(body), permission: declared(body) });
      }
    }
  });
  return found.sort((a, b) => `${a.at} ${a.name}`.localeCompare(`${b.at} ${b.name}`));
}
