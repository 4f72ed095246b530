import { migration0001 } from './0001-initial';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [migration0001];

export const LATEST_SCHEMA_VERSION = migrations.length;
