import type { Messages } from '../keys';
import { base } from './es/base';
import { errors } from './es/errors';
import { forms } from './es/forms';
import { worklist } from './es/worklist';
import { analysis } from './es/analysis';
import { visits } from './es/visits';
import { timeline } from './es/timeline';
import { events } from './es/events';
import { profile } from './es/profile';
import { patient } from './es/patient';
import { settings } from './es/settings';
import { layout } from './es/layout';
import { access } from './es/access';
import { plans } from './es/plans';
import { session } from './es/session';
import { report } from './es/report';
import { referral } from './es/referral';
import { homeSheet } from './es/homeSheet';
import { mobility } from './es/mobility';
import { charts } from './es/charts';
import { exchange } from './es/exchange';
import { domain } from './es/domain';
import { catalogue } from './es/catalogue';
import { verdicts } from './es/verdicts';
import { backup } from './es/backup';

// Español: one file per area of the app, as in English.
export const es: Messages = { ...base, ...errors, ...forms, ...worklist, ...analysis, ...visits, ...timeline, ...events, ...profile, ...patient, ...settings, ...layout, ...access, ...plans, ...session, ...report, ...referral, ...homeSheet, ...mobility, ...charts, ...exchange, ...domain, ...catalogue, ...verdicts, ...backup };
