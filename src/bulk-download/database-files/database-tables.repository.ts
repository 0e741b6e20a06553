import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

/** A table of the database download: its stored (not generated) columns. */
export interface DatabaseTable {
  readonly name: string;
  readonly columns: readonly string[];
}

/** Service bookkeeping, not data: never part of a database download. */
const EXCLUDED = ['download_job', 'job_status', 'typeorm_migrations', 'seed_dropped_index'];

/**
 * The data tables of the current schema, parents before children (by foreign keys), so the files load back
 * in the order they are listed. Generated columns (the keyword vectors) are left out: PostgreSQL recomputes them.
 */
@Injectable()
export class DatabaseTablesRepository {
  constructor(private readonly dataSource: DataSource) {}

  async tables(): Promise<DatabaseTable[]> {
    const columns = await this.dataSource.query<{ table_name: string; column_name: string }[]>(
      `SELECT c.table_name, c.column_name FROM information_schema.columns AS c
       JOIN information_schema.tables AS t ON t.table_schema = c.table_schema AND t.table_name = c.table_name
       WHERE c.table_schema = current_schema() AND t.table_type = 'BASE TABLE' AND c.is_generated = 'NEVER'
         AND c.table_name <> ALL ($1)
       ORDER BY c.table_name, c.ordinal_position`,
      [EXCLUDED],
    );
    const references = await this.dataSource.query<{ child: string; parent: string }[]>(
      `SELECT DISTINCT child.relname AS child, parent.relname AS parent FROM pg_constraint AS k
       JOIN pg_class AS child ON child.oid = k.conrelid JOIN pg_class AS parent ON parent.oid = k.confrelid
       JOIN pg_namespace AS n ON n.oid = child.relnamespace
       WHERE k.contype = 'f' AND n.nspname = current_schema() AND child.oid <> parent.oid`,
    );
    const byTable = new Map<string, string[]>();
    for (const row of columns)
      byTable.set(row.table_name, [...(byTable.get(row.table_name) ?? []), row.column_name]);
    const ordered: string[] = [];
    const visit = (name: string, path: Set<string>) => {
      if (ordered.includes(name) || path.has(name) || !byTable.has(name)) return;
      path.add(name);
      for (const { parent } of references.filter((edge) => edge.child === name)) visit(parent, path);
      ordered.push(name);
    };
    for (const name of byTable.keys()) visit(name, new Set());
    return ordered.map((name) => ({ name, columns: byTable.get(name)! }));
  }
}
