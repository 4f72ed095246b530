// Types for build-freshness.mjs (plain JavaScript so it runs without the build tools), for its unit test.
export type PartName = 'node' | 'renderer' | 'preload';
export type Command = 'serve' | 'sample-data' | 'start';
export interface PartState {
  part: PartName;
  state: 'missing' | 'stale' | 'fresh';
  /** A source (or config) newer than the build, or added since it. */
  newer?: string;
}
export const PARTS: Record<PartName, { script: string }>;
export const NEEDS: Record<Command, PartName[]>;
export function buildState(root: string, partNames: readonly PartName[]): PartState[];
