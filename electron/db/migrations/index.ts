import { migration0001 } from './0001-initial';
import { migration0002 } from './0002-clinic-and-therapists';
import { migration0003 } from './0003-clinical-records';
import { migration0004 } from './0004-therapy-plans';
import { migration0005 } from './0005-report-log';
import { migration0006 } from './0006-voided-record-indexes';
import { migration0007 } from './0007-visit-voids';
import { migration0008 } from './0008-clinic-thresholds';
import { migration0009 } from './0009-audit-chain';
import { migration0010 } from './0010-worklist-summaries';
import { migration0011 } from './0011-report-log-contents';
import { migration0012 } from './0012-accounts';
import { migration0013 } from './0013-sync';
import { migration0014 } from './0014-languages';
import { migration0015 } from './0015-documents-language';
import { migration0016 } from './0016-foreign-records';
import { migration0017 } from './0017-packed-audit-log';
import { migration0018 } from './0018-measurement-keys';
import type { Migration } from './types';

export const migrations: readonly Migration[] = [migration0001, migration0002, migration0003, migration0004, migration0005, migration0006, migration0007, migration0008, migration0009, migration0010, migration0011, migration0012, migration0013, migration0014, migration0015, migration0016, migration0017, migration0018];

export const LATEST_SCHEMA_VERSION = migrations.length;
