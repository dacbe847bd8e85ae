import { addDays, chinaDateOf, dateToPeriod, regionCodePrefix } from '@shebao/domain';
import { AppError, ErrorCode } from '../../errors/index.ts';
import { selectClaimsById } from './claims.repository.ts';
import type { MedicalDeps } from './medical-deps.ts';
import {
  aboveNorm,
  afterDeath,
  readmissionPairs,
  sameItemTwice,
  twoPlaces,
  type Candidate,
} from './review-rules.repository.ts';
import { insertFlags } from './reviews.repository.ts';

/*
 * The supervision scan (docs/RULES.md 16.7): the rules run over a region's claims settled in a span of days,
 * set-based, and each claim a rule catches becomes a review flag for the medical officers, once per claim
 * and rule, so a scan run again flags nothing twice. The thresholds are the region's policy
 * (`medical.supervision`).
 */

export interface ScanResult {
  regionCode: string;
  from: string;
  to: string;
  /** Claims each rule caught in the span (new flags and ones flagged before). */
  caught: Record<Candidate['rule'], number>;
  flagged: number;
}

/** Institutions with fewer claims of a kind than this in the year have no norm to compare with. */
const NORM_MINIMUM_CLAIMS = 5;

export async function scanClaims(
  deps: MedicalDeps,
  input: { regionCode: string; from: string; to: string },
): Promise<ScanResult> {
  const today = chinaDateOf(deps.clock.now());
  if (input.to < input.from)
    throw new AppError(ErrorCode.VALIDATION, 'to: the span ends before it begins', { field: 'to' });
  if (input.to > today)
    throw new AppError(ErrorCode.VALIDATION, `to: ${input.to} is after today`, {
      field: 'to',
      detailCode: 'date-in-future',
    });
  const book = await deps.policy.loadBook();
  const thresholds = book.require<{ readmissionDays: number; normMultiplePpm: number }>(
    'medical.supervision',
    {
      regionCode: input.regionCode,
      period: dateToPeriod(input.to),
    },
  ).value;
  const span = { regionPrefix: regionCodePrefix(input.regionCode), from: input.from, to: input.to };
  const readmissions = (await readmissionPairs(deps.db, span))
    .filter((pair) => pair.admittedOn <= addDays(pair.dischargedOn, thresholds.readmissionDays))
    .map((pair): Candidate => ({
      claimId: pair.claimId,
      rule: 'split-hospitalisation',
      detail: `admitted on ${pair.admittedOn}, ${thresholds.readmissionDays} days or less after the discharge of ${pair.otherNo} on ${pair.dischargedOn}`,
    }));
  const candidates = [
    ...(await sameItemTwice(deps.db, span)),
    ...readmissions,
    ...(await afterDeath(deps.db, span)),
    ...(await twoPlaces(deps.db, span)),
    ...(await aboveNorm(deps.db, span, {
      since: addDays(input.to, -365),
      multiplePpm: thresholds.normMultiplePpm,
      minimum: NORM_MINIMUM_CLAIMS,
    })),
  ];
  // One flag per claim and rule: the first thing a rule saw on a claim stands for it.
  const unique = [...new Map(candidates.map((item) => [`${item.claimId}|${item.rule}`, item])).values()];
  const claims = new Map(
    (await selectClaimsById(deps.db, [...new Set(unique.map((item) => item.claimId))])).map((row) => [
      Number(row.id),
      row,
    ]),
  );
  const flagged = await deps.db.transaction().execute((trx) =>
    insertFlags(
      trx,
      unique.map((item) => {
        const claim = claims.get(item.claimId)!;
        return {
          claim_id: item.claimId,
          institution_id: Number(claim.institution_id),
          person_id: Number(claim.person_id),
          region_code: claim.region_code,
          rule: item.rule,
          detail: item.detail,
          flagged_on: today,
          status: 'open' as const,
          review_note: null,
          reviewed_by: null,
          reviewed_at: null,
          finding_id: null,
        };
      }),
    ),
  );
  const caught = {
    'same-item-twice': 0,
    'split-hospitalisation': 0,
    'after-death': 0,
    'two-places': 0,
    'above-norm': 0,
  };
  for (const item of unique) caught[item.rule] += 1;
  return { ...input, caught, flagged };
}
