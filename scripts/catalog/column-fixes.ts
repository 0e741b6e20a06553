/**
 * Column-mapping bugs of the reference that we fix instead of copying (docs/compatibility.md#column-mapping-fixes, docs/compatibility.md#where-we-depart).
 * Each fix names the physical column that the header's name and the data dictionary promise; the
 * generator substitutes it before translating the entry to SQL.
 */
export interface ColumnFix {
  readonly fileType: string;
  /** Levels of that file type the fix applies to. */
  readonly levels: readonly string[];
  readonly header: string;
  /** The column the reference reads (checked, so a changed columns.json cannot be mis-fixed). */
  readonly referenceColumn: string;
  readonly column: string;
  readonly why: string;
}

export const COLUMN_FIXES: readonly ColumnFix[] = [
  {
    fileType: 'object_class_program_activity',
    levels: ['treasury_account', 'federal_account'],
    header: 'obligations_delivered_orders_unpaid_total_FYB',
    referenceColumn: 'obligations_delivered_orders_unpaid_total_cpe',
    column: 'obligations_delivered_orders_unpaid_total_fyb',
    why: 'the _FYB header repeated the period-end (_cpe) amount; it now reads the beginning-of-year (_fyb) column',
  },
  {
    fileType: 'object_class_program_activity',
    levels: ['treasury_account', 'federal_account'],
    header: 'gross_outlays_undelivered_orders_prepaid_total_FYB',
    referenceColumn: 'gross_outlays_undelivered_orders_prepaid_total_cpe',
    column: 'gross_outlays_undelivered_orders_prepaid_total_fyb',
    why: 'the _FYB header repeated the period-end (_cpe) amount; it now reads the beginning-of-year (_fyb) column',
  },
  {
    fileType: 'award_financial',
    levels: ['treasury_account', 'federal_account'],
    header: 'recipient_parent_duns',
    referenceColumn: 'parent_uei',
    column: 'parent_recipient_unique_id',
    why: 'the DUNS header carried the parent UEI (already in recipient_parent_uei); it now reads the parent DUNS',
  },
  {
    fileType: 'award',
    levels: ['d1'],
    header: 'government_furnished_property',
    referenceColumn: 'government_furnished_prope',
    column: 'government_furnished_desc',
    why: 'the description header repeated the code column; it now reads the description, as transaction d1 does',
  },
];

export function findColumnFix(fileType: string, level: string, header: string): ColumnFix | undefined {
  return COLUMN_FIXES.find(
    (fix) => fix.fileType === fileType && fix.levels.includes(level) && fix.header === header,
  );
}
