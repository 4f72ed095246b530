import { formatDate } from '../../../shared/domain/dates';
import { SITE_STATUS_LABELS } from '../../../shared/domain/ho';
import { AppError } from '../../db/errors';
import { audit } from '../audit';
import type { ApiContext } from '../context';
import { correctRecord, voidRecord } from '../record-changes';
import { assertNotBeforeBirth, firstVersion, requirePatient } from '../versions';
import type { HandlerTable } from './types';
import { inner, message } from '../../../shared/i18n/message';
import { siteName, siteStatusWord } from '../../../shared/domain/message-words';

type ProfileOps =
  | 'profile.get'
  | 'riskFactors.add'
  | 'riskFactors.correct'
  | 'riskFactors.void'
  | 'sites.add'
  | 'sites.changeStatus'
  | 'sites.void';

const riskFactors = (ctx: ApiContext) => ({ versions: ctx.repos.profile.riskFactorVersions, read: (id: string) => ctx.repos.profile.riskFactor(id), entity: 'risk_factor' });
const sites = (ctx: ApiContext) => ({ versions: ctx.repos.profile.siteVersions, read: (id: string) => ctx.repos.profile.site(id), entity: 'watched_site' });

export const profileHandlers: HandlerTable<ProfileOps> = {
  'profile.get': (input, ctx) => {
    requirePatient(ctx, input.patientId);
    return { riskFactors: ctx.repos.profile.riskFactorsOf(input.patientId), sites: ctx.repos.profile.sitesOf(input.patientId) };
  },

  'riskFactors.add': (input, ctx) => {
    const patient = requirePatient(ctx, input.patientId);
    if (input.onsetDate) assertNotBeforeBirth(patient.dateOfBirth, input.onsetDate, 'onsetDate', 'The date');
    const at = ctx.now();
    const rf = ctx.repos.profile.insertRiskFactor(firstVersion(ctx, at), input);
    audit(ctx, { at, operation: 'riskFactors.add', entity: 'risk_factor', entityId: rf.lineageId, before: null, after: rf });
    return rf;
  },

  'riskFactors.correct': (input, ctx) =>
    correctRecord(ctx, riskFactors(ctx), 'riskFactors.correct', input, (version, old) => {
      const patient = requirePatient(ctx, old.patient_id);
      if (input.onsetDate) assertNotBeforeBirth(patient.dateOfBirth, input.onsetDate, 'onsetDate', 'The date');
      return ctx.repos.profile.insertRiskFactor(version, { patientId: old.patient_id, kind: input.kind, onsetDate: input.onsetDate, note: input.note });
    }),

  'riskFactors.void': (input, ctx) => voidRecord(ctx, riskFactors(ctx), 'riskFactors.void', input).after,

  'sites.add': (input, ctx) => {
    const patient = requirePatient(ctx, input.patientId);
    assertNotBeforeBirth(patient.dateOfBirth, input.since, 'since', 'The date');
    const existing = ctx.repos.profile.currentSite(input.patientId, input.joint, input.side);
    if (existing) {
      throw new AppError('conflict', message('domain.profile.watched'), {
        joint: message('domain.profile.watchedField', { site: { message: siteName(input.side, input.joint) }, status: inner(siteStatusWord(existing.status)) }),
      });
    }
    const at = ctx.now();
    const site = ctx.repos.profile.insertSite(firstVersion(ctx, at), input);
    audit(ctx, { at, operation: 'sites.add', entity: 'watched_site', entityId: site.lineageId, before: null, after: site });
    return site;
  },

  // A status change is a new version of the site, with the change as its reason.
  'sites.changeStatus': (input, ctx) => {
    const reason = `Status changed to ${SITE_STATUS_LABELS[input.status].toLowerCase()} from ${formatDate(input.since)}`;
    return correctRecord(
      ctx,
      sites(ctx),
      'sites.changeStatus',
      { id: input.id, reason },
      (version, old) => {
        const patient = requirePatient(ctx, old.patient_id);
        assertNotBeforeBirth(patient.dateOfBirth, input.since, 'since', 'The date');
        if (input.since < old.since) {
          throw new AppError('invalid_input', message('domain.profile.statusBefore'), {
            since: message('domain.profile.statusBeforeField', { date: { date: old.since } }),
          });
        }
        return ctx.repos.profile.insertSite(version, { patientId: old.patient_id, joint: old.joint, side: old.side, status: input.status, since: input.since, note: input.note });
      },
      { supersedeFirst: true },
    );
  },

  'sites.void': (input, ctx) => voidRecord(ctx, sites(ctx), 'sites.void', input).after,
};
