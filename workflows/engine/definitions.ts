import type { ProcessDefinition } from './types';

/**
 * Where the engine finds a process's definition. The engine is handed one (workflows/registry.ts
 * behind it, wired by lib/engine/provide-engine.ts) instead of importing the registry, so it knows
 * no process by name and a test can drive it with definitions of its own. ESLint refuses an import
 * of workflows/registry from workflows/engine.
 */
export interface DefinitionRegistry {
  /** A definition by id, at a version (default: the current one); NOT_FOUND if unknown. */
  getDefinition(id: string, version?: number): ProcessDefinition;
}

let provided: DefinitionRegistry | null = null;

/** Hands the engine its definitions (the app does this once, where it hands over the effect writers). */
export function provideDefinitions(registry: DefinitionRegistry): void {
  provided = registry;
}

/** A definition through the provided registry; driving the engine before one was handed over is a wiring bug. */
export function getDefinition(id: string, version?: number): ProcessDefinition {
  if (!provided) throw new Error("no definition registry: import '@/lib/engine/provide-engine' before driving the engine");
  return provided.getDefinition(id, version);
}
