import { parsePercentToPpm } from '@shebao/domain';
import type { ClaimInput, ClaimKind } from '../../medical/medical-api.ts';
import { typedYuanToFen } from '../money/typed-values.ts';

/*
 * What the counter types into a claim, as the form keeps it (text, so that amounts are read exactly into
 * fen and shares into ppm, never through floats), and the claim it sends.
 */

export type ItemClass = ClaimInput['items'][number]['itemClass'];
export type Relation = NonNullable<ClaimInput['accountHolderRelation']>;

export interface ItemValues {
  code: string;
  name: string;
  itemClass: ItemClass;
  quantity: number;
  /** Yuan, as typed: "86", "1,234.50". */
  amount: string;
  /** For a part-covered item: the share the catalogue has the person pay first, in percent ("10"). */
  selfPayShare?: string;
}

export interface ClaimValues {
  idNumber: string;
  kind: ClaimKind;
  visitDate: string;
  dischargeDate?: string;
  department?: string;
  diagnosis?: string;
  items: ItemValues[];
  useAccount: boolean;
  /** A close relative's account pays instead (GBF-2021-14), where the region allows it. */
  relativePays?: boolean;
  accountHolderIdNumber?: string;
  accountHolderRelation?: Relation;
}

/** "10" or "10%" -> 100000 ppm; null unless it is a share from 0 to 100 % with at most four decimals. */
export function typedPercentToPpm(text: string | undefined): number | null {
  const plain = (text ?? '')
    .trim()
    .replace(/[%％]$/, '')
    .trim();
  if (plain === '') return null;
  try {
    const ppm = parsePercentToPpm(plain);
    return ppm >= 0 && ppm <= 1_000_000 ? ppm : null;
  } catch {
    return null;
  }
}

const optional = (text: string | undefined) => (text?.trim() ? text.trim() : undefined);

/** The claim the form's values send; the form's own checks have passed, so every amount reads. */
export function claimInputOf(institutionId: number, values: ClaimValues): ClaimInput {
  const department = optional(values.department);
  const diagnosis = optional(values.diagnosis);
  const relative = values.useAccount && values.relativePays && values.accountHolderIdNumber?.trim();
  return {
    institutionId,
    idNumber: values.idNumber.trim().toUpperCase(),
    kind: values.kind,
    visitDate: values.visitDate,
    ...(values.kind === 'inpatient' && values.dischargeDate ? { dischargeDate: values.dischargeDate } : {}),
    ...(department ? { department } : {}),
    ...(diagnosis ? { diagnosis } : {}),
    items: values.items.map((item) => ({
      code: item.code.trim(),
      name: item.name.trim(),
      itemClass: item.itemClass,
      quantity: item.quantity,
      amountFen: typedYuanToFen(item.amount)!,
      ...(item.itemClass === 'part' ? { selfPaySharePpm: typedPercentToPpm(item.selfPayShare)! } : {}),
    })),
    useAccount: values.useAccount,
    ...(relative
      ? {
          accountHolderIdNumber: values.accountHolderIdNumber!.trim().toUpperCase(),
          accountHolderRelation: values.accountHolderRelation ?? 'spouse',
        }
      : {}),
  };
}
