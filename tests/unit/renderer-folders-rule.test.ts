import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

// The lint rule that keeps the renderer's chart screens apart (eslint.config.mjs, rendererFolder): charts/ and
// clinical/ are neutral and import no screen; mobility and plans never import each other; the referral letter
// builds on the report, not the other way round. This proves each crossing is refused and the allowed paths pass.
const root = join(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

async function refusals(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(root, file) });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.message);
}

describe('renderer folders: chart screens import each other only through charts/ and clinical/', () => {
  it.each([
    ['renderer/src/charts/x.ts', "import { planOverlays } from '../plans/chart-overlays';\nexport const x = planOverlays;\n", /charts holds the chart pieces/],
    ['renderer/src/charts/x.tsx', "import type { PatientMobility } from '../mobility/use-patient-analysis';\nexport type X = PatientMobility;\n", /imports no screen folder/],
    ['renderer/src/charts/x.ts', "import { buildReport } from '../report/report-model';\nexport const x = buildReport;\n", /imports no screen folder/],
    ['renderer/src/clinical/x.tsx', "import { SeriesCard } from '../mobility/SeriesCard';\nexport const x = SeriesCard;\n", /clinical holds the words/],
    ['renderer/src/clinical/x.ts', "import { buildEntryGrid } from '../visits/grid-model';\nexport const x = buildEntryGrid;\n", /imports no screen folder/],
    // mobility and plans, in either direction, type-only included: the route composes them.
    ['renderer/src/mobility/x.tsx', "import { planOverlays } from '../plans/chart-overlays';\nexport const x = planOverlays;\n", /route composes them/],
    ['renderer/src/mobility/x.ts', "import type { PlanRoute } from '../plans/plan-routes';\nexport type X = PlanRoute;\n", /route composes them/],
    ['renderer/src/plans/x.tsx', "import { SeriesDetailPage } from '../mobility/SeriesDetailPage';\nexport const x = SeriesDetailPage;\n", /does not import mobility/],
    ['renderer/src/plans/x.ts', "import { buildReport } from '../report/report-model';\nexport const x = buildReport;\n", /only the print page rule/],
    // The report never builds on the letter, nor reaches into the other screens.
    ['renderer/src/report/x.tsx', "import { ReferralDocument } from '../referral/ReferralDocument';\nexport const x = ReferralDocument;\n", /never the other way round/],
    ['renderer/src/report/x.tsx', "import { ArcsTable } from '../mobility/ArcsTable';\nexport const x = ArcsTable;\n", /report\/ uses charts/],
    ['renderer/src/referral/x.ts', "import { usePatientMobility } from '../mobility/use-patient-analysis';\nexport const x = usePatientMobility;\n", /referral\/ reuses report/],
    ['renderer/src/patients/x.tsx', "import { VerdictBadge } from '../mobility/VerdictBadge';\nexport const x = VerdictBadge;\n", /patients\/ shares verdict words/],
    ['renderer/src/patients/x.tsx', "import { PrintedBefore } from '../report/PrintedBefore';\nexport const x = PrintedBefore;\n", /patients\/ shares/],
  ])('%s refuses: %s', async (file, code, message) => {
    expect((await refusals(file, code)).join('\n')).toMatch(message);
  });

  it('still refuses what every renderer file is refused (its own block repeats the base rule)', async () => {
    expect((await refusals('renderer/src/charts/x.ts', "import { openDatabase } from '../../../electron/db/open';\nexport const x = openDatabase;\n")).join('\n')).toMatch(/only through renderer\/src\/api\/client/);
    expect((await refusals('renderer/src/mobility/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n")).join('\n')).toMatch(/no Node built-ins/);
  });

  it.each([
    ['renderer/src/mobility/x.tsx', "import { Marker } from '../charts/chart-parts';\nimport { badgeOf } from '../clinical/VerdictBadge';\nexport const x = [Marker, badgeOf];\n"],
    ['renderer/src/plans/x.ts', "import { applyPageCss } from '../report/page-style';\nexport const x = applyPageCss;\n"],
    ['renderer/src/referral/x.tsx', "import { Letterhead } from '../report/Letterhead';\nimport { PrintChart } from '../charts/PrintChart';\nexport const x = [Letterhead, PrintChart];\n"],
    ['renderer/src/charts/x.ts', "import { useFormatDate } from '../session/session-context';\nimport { dayNumber } from './chart-model';\nexport const x = [useFormatDate, dayNumber];\n"],
    ['renderer/src/patients/x.tsx', "import { dayNumber } from '../charts/chart-model';\nimport { LatestValues } from './LatestValues';\nexport const x = [dayNumber, LatestValues];\n"],
    // The route beside the router composes mobility and plans.
    ['renderer/src/SeriesDetailWithPlans.tsx', "import { SeriesDetailPage } from './mobility/SeriesDetailPage';\nimport { planOverlays } from './plans/chart-overlays';\nexport const x = [SeriesDetailPage, planOverlays];\n"],
  ])('%s allows: %s', async (file, code) => {
    expect(await refusals(file, code)).toEqual([]);
  });

  it('holds for the renderer as it stands', async () => {
    const results = await eslint.lintFiles(['renderer/src/{charts,clinical,mobility,plans,report,referral,patients}/**/*.{ts,tsx}']);
    const crossings = results.flatMap((r) => r.messages.filter((m) => m.ruleId === 'no-restricted-imports').map((m) => `${r.filePath}:${m.line} ${m.message}`));
    expect(crossings).toEqual([]);
    expect(results.length).toBeGreaterThan(40);
  });
});
