import { catalogFor } from '../catalog/catalog-lookup.util';
import { CatalogKey } from '../catalog/catalog.types';

/** How one header of a file goes back into the database (the column catalog read backwards). */
export type HeaderTarget =
  /** The header is the value of a column of the file's base table. */
  | { readonly kind: 'column'; readonly column: string }
  /** `<state>-<district>` (or the bare district): the district column, and the state column it is prefixed by. */
  | { readonly kind: 'district'; readonly column: string; readonly stateColumn: string }
  /** A column of the award summary, the same on every row of an award. */
  | { readonly kind: 'award'; readonly column: string }
  /** Computed from other columns, lookups or File C: recomputed, not read. */
  | { readonly kind: 'derived' };

const PLAIN_COLUMN = /^([a-z_]+)\.([a-z0-9_]+)$/;
/** The catalog's congressional-district expression: `CASE WHEN s IS NOT NULL AND d IS NOT NULL AND s <> '' THEN s || '-' || d ELSE d END`. */
const DISTRICT =
  /^CASE WHEN ([a-z_]+)\.([a-z0-9_]+) IS NOT NULL AND \1\.([a-z0-9_]+) IS NOT NULL AND \1\.\2 <> '' THEN \1\.\2 \|\| '-' \|\| \1\.\3 ELSE \1\.\3 END$/;

/** Every header of a catalog list with its target, in file order. */
export function headerTargets(key: CatalogKey): { header: string; target: HeaderTarget }[] {
  const source = catalogFor(key);
  return source.columns.map((column) => {
    const plain = PLAIN_COLUMN.exec(column.sql);
    if (plain && plain[1] === source.baseTable)
      return { header: column.header, target: { kind: 'column', column: plain[2] } };
    if (plain && plain[1] === 'award_search')
      return { header: column.header, target: { kind: 'award', column: plain[2] } };
    const district = DISTRICT.exec(column.sql);
    if (district && district[1] === source.baseTable)
      return {
        header: column.header,
        target: { kind: 'district', column: district[3], stateColumn: district[2] },
      };
    return { header: column.header, target: { kind: 'derived' } };
  });
}
