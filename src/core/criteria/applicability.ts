/**
 * Whom a criterion applies to (plan III.3; domain-corrections §1). A category's nominee has a subject
 * type and, where the category has alternatives, a sub-profile (3.1.10 collective or household, 3.2.1
 * staff or leader, 3.2.2 worker or resident / religious dignitary). A self-check shows and counts only
 * the criteria that apply; a conditional one may be marked "không áp dụng" and is then not counted.
 */
import type { Category, Criterion, Profile, SubjectType } from '../plan/plan-schema.ts';

/** Who is nominated: subject type and sub-profile code (`null`/absent = not chosen, e.g. older records). */
export interface Nominee {
  subjectType: SubjectType;
  profile?: string | null;
}

/** An applicable criterion; `conditional` = the officer may mark it "không áp dụng". */
export interface ApplicableCriterion {
  criterion: Criterion;
  conditional: boolean;
}

/** The category's sub-profiles for a subject type (empty when it has no alternatives). */
export const profilesFor = (c: Category, subjectType: SubjectType): Profile[] => c.profiles.filter((p) => p.subjectType === subjectType);

/**
 * The nominee's profile when it is one of the category's, else undefined. When the subject type has
 * exactly one profile in the category (3.1.6 collectives, 3.1.10 households), that one: a record
 * written before profiles were asked (`profile` null) is not left undecided.
 */
export function profileOf(c: Category, n: Nominee): Profile | undefined {
  const candidates = profilesFor(c, n.subjectType);
  if (!n.profile) return candidates.length === 1 ? candidates[0] : undefined;
  return candidates.find((p) => p.code === n.profile);
}

/**
 * Whether `x` applies to nominee `n`: `no` when it names other subject types or profiles; `conditional`
 * when the plan makes it conditional (`conditional`, or a `condition` no sub-profile decides), or when
 * it is for a profile and the nominee's profile is unknown; else `yes`.
 */
export function applies(c: Category, x: Criterion, n: Nominee): 'yes' | 'no' | 'conditional' {
  if (x.subjectTypes && !x.subjectTypes.includes(n.subjectType)) return 'no';
  if (x.profiles) {
    const candidates = profilesFor(c, n.subjectType).filter((p) => x.profiles!.includes(p.code));
    if (candidates.length === 0) return 'no';
    const known = profileOf(c, n);
    if (!known) return 'conditional';
    if (!x.profiles.includes(known.code)) return 'no';
  }
  // A plan condition no sub-profile decides ("nếu có", "when …"): the officer says whether it fits.
  return x.conditional || (x.condition && !x.subjectTypes && !x.profiles) ? 'conditional' : 'yes';
}

/**
 * The message arguments saying whether and how a criterion is conditional, for `criteria-item` and
 * `register-check-item`: `conditional` (`yes` = may be marked "không áp dụng"), and the plan's
 * condition (`cond` `yes`/`no`, its words `condition` and `section`). `shownAbove`: the same words
 * already stand right above the item (a sub-profile's "Đối tượng:"), so they are not repeated.
 */
export function conditionArgs(x: Criterion, conditional: boolean, locale: 'vi' | 'en', shownAbove?: string): Record<string, string> {
  const words = x.condition ? x.condition.text[locale] : undefined;
  const cond = words !== undefined && words !== shownAbove;
  return { conditional: conditional ? 'yes' : 'no', cond: cond ? 'yes' : 'no', condition: cond ? words : '', section: cond ? x.condition!.section : '' };
}

/** The criteria of `c` that apply to `n`, in the plan's order. */
export function applicableCriteria(c: Category, n: Nominee): ApplicableCriterion[] {
  return c.criteria.flatMap((criterion) => {
    const a = applies(c, criterion, n);
    return a === 'no' ? [] : [{ criterion, conditional: a === 'conditional' }];
  });
}

/**
 * A self-check's score: `met` of `total`, over the applicable criteria only; a conditional one marked
 * not applicable (`notApplicable`) is left out of both. Codes of criteria that do not apply (or no
 * longer exist) are ignored.
 */
export function selfCheckScore(
  c: Category,
  n: Nominee,
  met: readonly string[],
  notApplicable: readonly string[] = [],
): { met: number; total: number; notApplicable: number } {
  const list = applicableCriteria(c, n);
  const na = list.filter((a) => a.conditional && notApplicable.includes(a.criterion.code));
  const counted = list.filter((a) => !na.includes(a));
  return { met: counted.filter((a) => met.includes(a.criterion.code)).length, total: counted.length, notApplicable: na.length };
}
