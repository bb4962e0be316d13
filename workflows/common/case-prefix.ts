/**
 * 流水号 prefixes are data of each definition. Declared here (module augmentation) rather than in
 * workflows/engine/types.ts, which the engine's rewrite owns; the engine never reads it — the
 * database numbers instances (db/schema/case-numbers.ts) and lib/instances/case-prefixes.ts syncs it.
 */
declare module '../engine/types' {
  interface ProcessDefinition {
    /** The 流水号 prefix of its instances (TC → TC-20261201-0007): two or three capitals, unique among processes. */
    casePrefix?: string;
  }
}

export {};
