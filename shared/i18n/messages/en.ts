// English, the source language: every key the code uses is defined first in one of these files, and its type
// is the key type (shared/i18n/keys.ts). Keys are flat, dotted by screen; one file per area of the app, so the
// areas can be worked on apart. A plural key has one entry per plural category (_one, _other in English).
import { base } from './en/base';
import { errors } from './en/errors';
import { forms } from './en/forms';
import { worklist } from './en/worklist';
import { analysis } from './en/analysis';
import { visits } from './en/visits';
import { timeline } from './en/timeline';
import { events } from './en/events';
import { profile } from './en/profile';
import { patient } from './en/patient';
import { settings } from './en/settings';
import { layout } from './en/layout';
import { access } from './en/access';
import { plans } from './en/plans';
import { session } from './en/session';
import { report } from './en/report';
import { referral } from './en/referral';
import { homeSheet } from './en/homeSheet';
import { mobility } from './en/mobility';
import { charts } from './en/charts';
import { exchange } from './en/exchange';
import { domain } from './en/domain';
import { catalogue } from './en/catalogue';
import { verdicts } from './en/verdicts';
import { backup } from './en/backup';
import { update } from './en/update';

export const en = { ...base, ...errors, ...forms, ...worklist, ...analysis, ...visits, ...timeline, ...events, ...profile, ...patient, ...settings, ...layout, ...access, ...plans, ...session, ...report, ...referral, ...homeSheet, ...mobility, ...charts, ...exchange, ...domain, ...catalogue, ...verdicts, ...backup, ...update };
