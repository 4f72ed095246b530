import type { Messages } from '../keys';
import { base } from './pt/base';
import { errors } from './pt/errors';
import { forms } from './pt/forms';
import { worklist } from './pt/worklist';
import { analysis } from './pt/analysis';
import { visits } from './pt/visits';
import { timeline } from './pt/timeline';
import { events } from './pt/events';
import { profile } from './pt/profile';
import { patient } from './pt/patient';
import { settings } from './pt/settings';
import { layout } from './pt/layout';
import { access } from './pt/access';
import { plans } from './pt/plans';
import { session } from './pt/session';
import { report } from './pt/report';
import { referral } from './pt/referral';
import { homeSheet } from './pt/homeSheet';
import { mobility } from './pt/mobility';
import { charts } from './pt/charts';
import { exchange } from './pt/exchange';
import { domain } from './pt/domain';
import { catalogue } from './pt/catalogue';
import { verdicts } from './pt/verdicts';
import { backup } from './pt/backup';

// Português: one file per area of the app, as in English.
export const pt: Messages = { ...base, ...errors, ...forms, ...worklist, ...analysis, ...visits, ...timeline, ...events, ...profile, ...patient, ...settings, ...layout, ...access, ...plans, ...session, ...report, ...referral, ...homeSheet, ...mobility, ...charts, ...exchange, ...domain, ...catalogue, ...verdicts, ...backup };
