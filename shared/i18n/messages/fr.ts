import type { Messages } from '../keys';
import { base } from './fr/base';
import { errors } from './fr/errors';
import { forms } from './fr/forms';
import { worklist } from './fr/worklist';
import { analysis } from './fr/analysis';
import { visits } from './fr/visits';
import { timeline } from './fr/timeline';
import { events } from './fr/events';
import { profile } from './fr/profile';
import { patient } from './fr/patient';
import { settings } from './fr/settings';
import { layout } from './fr/layout';
import { access } from './fr/access';
import { plans } from './fr/plans';
import { session } from './fr/session';
import { report } from './fr/report';
import { referral } from './fr/referral';
import { homeSheet } from './fr/homeSheet';
import { mobility } from './fr/mobility';
import { charts } from './fr/charts';
import { exchange } from './fr/exchange';
import { domain } from './fr/domain';
import { catalogue } from './fr/catalogue';
import { verdicts } from './fr/verdicts';
import { backup } from './fr/backup';

// Français: one file per area of the app, as in English.
export const fr: Messages = { ...base, ...errors, ...forms, ...worklist, ...analysis, ...visits, ...timeline, ...events, ...profile, ...patient, ...settings, ...layout, ...access, ...plans, ...session, ...report, ...referral, ...homeSheet, ...mobility, ...charts, ...exchange, ...domain, ...catalogue, ...verdicts, ...backup };
