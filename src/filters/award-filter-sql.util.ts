import { accountLinkedCondition, isPathTree } from './account-linked-filters.util';
import {
  AWARD_FILTER_COLUMNS,
  AwardFilterColumns,
  AwardTableKind,
  LocationColumns,
} from './award-filter-columns';
import {
  AgencyFilter,
  AwardAmountFilter,
  AwardFilters,
  LocationFilter,
  NaicsTreeFilter,
  TimePeriodFilter,
} from './award-filter.types';
import {
  allOf,
  anyOf,
  likePattern,
  literal,
  literalList,
  numberLiteral,
  textArray,
} from './sql-literal.util';

/**
 * Turns canonical award filters into SQL conditions for one award-side table. Every value is
 * escaped (sql-literal.util); conditions are ANDed by the caller. Semantics follow the reference's
 * search: values inside one filter are ORed, different filters are ANDed.
 */
export function awardFilterConditions(filters: AwardFilters, kind: AwardTableKind): string[] {
  const c = AWARD_FILTER_COLUMNS[kind];
  const conditions: (string | undefined)[] = [
    keywordsCondition(c, kind, [...(filters.keywords ?? []), ...(filters.transaction_keyword_search ?? [])]),
    filters.time_period?.length
      ? anyOf(filters.time_period.map((period) => timePeriodCondition(c, kind, period)))
      : undefined,
    ...agencyConditions(c, filters.agencies ?? []),
    awardTypeCondition(c, kind, filters.award_type_codes),
    filters.award_ids?.length ? anyOf(filters.award_ids.map((id) => awardIdCondition(c, id))) : undefined,
    filters.award_amounts?.length
      ? anyOf(filters.award_amounts.map((range) => amountCondition(c.amount, range)))
      : undefined,
    filters.recipient_search_text?.length
      ? anyOf(filters.recipient_search_text.map((text) => recipientCondition(c, kind, text)))
      : undefined,
    scopeCondition(c.recipientLocation, filters.recipient_scope),
    locationsCondition(c.recipientLocation, filters.recipient_locations),
    filters.recipient_type_names?.length
      ? businessCategoryCondition(c, filters.recipient_type_names)
      : undefined,
    scopeCondition(c.popLocation, filters.place_of_performance_scope),
    locationsCondition(c.popLocation, filters.place_of_performance_locations),
    naicsCondition(c.naics, filters.naics_codes),
    pscCondition(c.psc, filters.psc_codes),
    inList(c.pricingType, filters.contract_pricing_type_codes),
    inList(c.setAside, filters.set_aside_type_codes),
    inList(c.extentCompeted, filters.extent_competed_type_codes),
    programNumbersCondition(c, kind, filters.program_numbers),
    defCodesCondition(c, filters.def_codes),
    accountLinkedCondition(filters, c.awardId, false),
    filters.description ? `${c.description} ILIKE ${likePattern('%', filters.description, '%')}` : undefined,
    filters.award_unique_id
      ? `upper(${c.uniqueAwardKey}) = upper(${literal(filters.award_unique_id)})`
      : undefined,
  ];
  return conditions.filter((condition): condition is string => condition !== undefined);
}

/** Subawards may be selected by prime award type code or, in bulk requests, by group (`procurement`, `grant`). */
function awardTypeCondition(
  c: AwardFilterColumns,
  kind: AwardTableKind,
  codes: readonly string[] | undefined,
): string | undefined {
  if (!codes?.length) return undefined;
  const byType = `${c.type} IN (${literalList(codes)})`;
  return kind === 'subaward'
    ? anyOf([byType, `subaward_search.prime_award_group IN (${literalList(codes)})`])
    : byType;
}

/** Bulk keyword mode names its keywords `transaction_keyword_search`; both mean the same search. */
function keywordsCondition(
  c: AwardFilterColumns,
  kind: AwardTableKind,
  words: readonly string[],
): string | undefined {
  return words.length ? anyOf(words.map((word) => keywordCondition(c, kind, word))) : undefined;
}

function keywordCondition(c: AwardFilterColumns, kind: AwardTableKind, word: string): string {
  // Phrase search over the stored tsvector (GIN-indexed); ids typed as keywords (quoted or not) match exactly
  // (upper() expression indexes), so the OR is a BitmapOr of index scans.
  const phrase = `phraseto_tsquery('simple', ${literal(word)})`;
  const id = literal(word.replace(/^"(.*)"$/, '$1'));
  const own = anyOf([
    `${c.keywordVector} @@ ${phrase}`,
    ...c.awardIdColumns.map((column) => `upper(${column}) = upper(${id})`),
  ]);
  if (kind !== 'award') return own;
  // An award also matches through its transactions' texts (NAICS, PSC and CFDA titles, each action's
  // description), as the reference's award search index does. Written as one UNION of award ids: an OR
  // with an IN (subquery) cannot become a join, so the planner would scan every award. The ids are
  // gathered into an array first: the planner cannot estimate how many distinct ids a UNION yields, takes
  // every input row for one, and at 10M transactions then hashes them against a scan of every award
  // instead of looking the few thousand up by key.
  const ownIds = `SELECT award_search.award_id FROM award_search WHERE ${own}`;
  const transactionIds = `SELECT ts.award_id FROM transaction_search AS ts WHERE ts.keyword_ts_vector @@ ${phrase}`;
  return `award_search.award_id = ANY (ARRAY(${ownIds} UNION ${transactionIds}))`;
}

function timePeriodCondition(c: AwardFilterColumns, kind: AwardTableKind, period: TimePeriodFilter): string {
  const range = (column: string) =>
    allOf([
      ...(period.start_date ? [`${column} >= ${literal(period.start_date)}`] : []),
      ...(period.end_date ? [`${column} <= ${literal(period.end_date)}`] : []),
    ]);
  switch (period.date_type ?? 'action_date') {
    case 'last_modified_date':
      return range(c.dates.lastModified);
    case 'date_signed':
      return range(c.dates.signed);
    case 'new_awards_only':
      // Awards first signed in the window; for transactions, the actions of such awards in the window.
      return kind === 'transaction'
        ? allOf([range(c.dates.action), range('award_search.date_signed')])
        : range(c.dates.signed);
    case 'action_date':
      if (kind !== 'award') return range(c.dates.action);
      // An award is active in the window when it was signed before the end and last acted on after the start.
      return allOf([
        ...(period.start_date ? [`${c.dates.action} >= ${literal(period.start_date)}`] : []),
        ...(period.end_date ? [`${c.dates.signed} <= ${literal(period.end_date)}`] : []),
      ]);
  }
}

function agencyConditions(c: AwardFilterColumns, agencies: readonly AgencyFilter[]): string[] {
  return (['awarding', 'funding'] as const).flatMap((type) => {
    const ofType = agencies.filter((agency) => agency.type === type);
    if (ofType.length === 0) return [];
    const toptier = type === 'awarding' ? c.agencies.awardingToptier : c.agencies.fundingToptier;
    const subtier = type === 'awarding' ? c.agencies.awardingSubtier : c.agencies.fundingSubtier;
    return [
      anyOf(
        ofType.map((agency) =>
          agency.tier === 'toptier'
            ? `${toptier} = ${literal(agency.name)}`
            : allOf([
                `${subtier} = ${literal(agency.name)}`,
                ...(agency.toptier_name ? [`${toptier} = ${literal(agency.toptier_name)}`] : []),
              ]),
        ),
      ),
    ];
  });
}

function awardIdCondition(c: AwardFilterColumns, rawId: string): string {
  const quoted = /^".*"$/.test(rawId);
  const id = quoted ? rawId.slice(1, -1) : rawId;
  // Quoted ids match exactly (as the reference documents); plain ids match anywhere in the id.
  return anyOf(
    c.awardIdColumns.map((column) =>
      // Equal strings have equal upper(): the upper() test adds nothing but an index path.
      quoted
        ? `(upper(${column}) = upper(${literal(id)}) AND ${column} = ${literal(id)})`
        : `${column} ILIKE ${likePattern('%', id, '%')}`,
    ),
  );
}

function amountCondition(column: string, range: AwardAmountFilter): string {
  return allOf([
    ...(range.lower_bound !== undefined ? [`${column} >= ${numberLiteral(range.lower_bound)}`] : []),
    ...(range.upper_bound !== undefined ? [`${column} <= ${numberLiteral(range.upper_bound)}`] : []),
  ]);
}

function recipientCondition(c: AwardFilterColumns, kind: AwardTableKind, text: string): string {
  const pattern = likePattern('%', text, '%');
  return anyOf([
    // On the prime tables, written as what ILIKE is in a multibyte database (PostgreSQL lowers both sides,
    // then matches as LIKE): the same rows, but lower(name) is a column of the recipient count index, so
    // a count over many matches (a word like "LLC") reads that small index alone instead of the rows.
    kind === 'subaward'
      ? `${c.recipientName} ILIKE ${pattern}`
      : `lower(${c.recipientName}) LIKE lower(${pattern})`,
    `${c.recipientUei} = upper(${literal(text)})`,
    `${c.recipientDuns} = ${literal(text)}`,
  ]);
}

function scopeCondition(
  location: LocationColumns,
  scope: 'domestic' | 'foreign' | undefined,
): string | undefined {
  if (scope === undefined) return undefined;
  // `<>` is not sargable; `< OR >` is the same set (NULLs excluded by both) as two index ranges.
  return scope === 'domestic'
    ? `${location.country} = 'USA'`
    : `(${location.country} < 'USA' OR ${location.country} > 'USA')`;
}

function locationsCondition(
  location: LocationColumns,
  filters: readonly LocationFilter[] | undefined,
): string | undefined {
  if (!filters?.length) return undefined;
  return anyOf(
    filters.map((filter) =>
      allOf([
        `upper(${location.country}) = upper(${literal(filter.country)})`,
        ...(filter.state ? [`upper(${location.state}) = upper(${literal(filter.state)})`] : []),
        ...(filter.county ? [`${location.county} = ${literal(filter.county)}`] : []),
        ...(filter.district_original ? [`${location.district} = ${literal(filter.district_original)}`] : []),
        ...(filter.district_current ? [`${location.district} = ${literal(filter.district_current)}`] : []),
        ...(filter.zip ? [`${location.zip} = ${literal(filter.zip)}`] : []),
        ...(filter.city ? [`upper(${location.city}) = upper(${literal(filter.city)})`] : []),
      ]),
    ),
  );
}

function businessCategoryCondition(c: AwardFilterColumns, names: readonly string[]): string {
  if (c.businessCategories.isArray) return `${c.businessCategories.column} && ${textArray(names)}`;
  return anyOf(names.map((name) => `${c.businessCategories.column} ILIKE ${likePattern('%', name, '%')}`));
}

/** NAICS codes are hierarchical (2, 4, 6 digits): a code matches itself and everything below it. */
function naicsCondition(column: string, naics: AwardFilters['naics_codes']): string | undefined {
  if (!naics) return undefined;
  const prefixes = (codes: readonly (number | string)[]) =>
    anyOf(codes.map((code) => `${column} LIKE ${likePattern('', String(code), '%')}`));
  if (isNaicsList(naics)) return naics.length ? prefixes(naics) : undefined;
  return treeCondition(naics, prefixes);
}

function isNaicsList(value: readonly number[] | NaicsTreeFilter): value is readonly number[] {
  return Array.isArray(value);
}

/** PSC tree paths: ["Product"] (digits), ["Service"] (letters but A), ["Research and Development"] (A), or codes. */
function pscCondition(column: string, psc: AwardFilters['psc_codes']): string | undefined {
  if (!psc) return undefined;
  const codeMatch = (code: string) => `${column} LIKE ${likePattern('', code, '%')}`;
  if (!isPathTree(psc)) return psc.length ? anyOf(psc.map(codeMatch)) : undefined;
  const pathMatch = (paths: readonly (readonly string[])[]) =>
    anyOf(
      paths.map((path) => {
        const leaf = path[path.length - 1] ?? '';
        if (path.length > 1 || !PSC_TIERS[leaf]) return codeMatch(leaf);
        return PSC_TIERS[leaf](column);
      }),
    );
  return treeCondition(psc, pathMatch);
}

/**
 * First-character classes as byte-order ranges (`~>=~`, `~<~`: the operators of the text_pattern_ops
 * index), the same sets as `~ '^[0-9]'` and `~ '^[B-Z]'`: ':' follows '9' and '[' follows 'Z'.
 */
const PSC_TIERS: Record<string, (column: string) => string> = {
  Product: (column) => `(${column} ~>=~ '0' AND ${column} ~<~ ':')`,
  Service: (column) => `(${column} ~>=~ 'B' AND ${column} ~<~ '[')`,
  'Research and Development': (column) => `${column} LIKE 'A%'`,
};

function treeCondition<T>(
  tree: { readonly require?: readonly T[]; readonly exclude?: readonly T[] },
  match: (values: readonly T[]) => string,
): string | undefined {
  const parts = [
    ...(tree.require?.length ? [match(tree.require)] : []),
    ...(tree.exclude?.length ? [`NOT ${match(tree.exclude)}`] : []),
  ];
  return parts.length ? allOf(parts) : undefined;
}

function inList(column: string, values: readonly string[] | undefined): string | undefined {
  return values?.length ? `${column} IN (${literalList(values)})` : undefined;
}

function programNumbersCondition(
  c: AwardFilterColumns,
  kind: AwardTableKind,
  numbers: readonly string[] | undefined,
): string | undefined {
  if (!numbers?.length) return undefined;
  if (kind === 'award')
    return anyOf([`${c.cfda} IN (${literalList(numbers)})`, `award_search.cfdas && ${textArray(numbers)}`]);
  if (kind === 'subaward')
    return anyOf(numbers.map((number) => `${c.cfda} LIKE ${likePattern('%', number, '%')}`));
  return `${c.cfda} IN (${literalList(numbers)})`;
}

function defCodesCondition(c: AwardFilterColumns, codes: readonly string[] | undefined): string | undefined {
  if (!codes?.length) return undefined;
  if (c.defCodesArray) return `${c.defCodesArray} && ${textArray(codes)}`;
  return accountLinkedCondition({ def_codes: codes }, c.awardId, true);
}
