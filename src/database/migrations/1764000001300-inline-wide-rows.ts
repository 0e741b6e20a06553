import { MigrationInterface, QueryRunner } from 'typeorm';

/** The wide search tables: rows of ~300 columns, most of them between 1.5 and 3 kB. */
const WIDE_TABLES = ['transaction_search', 'subaward_search', 'award_search'];

/**
 * Rows of the wide search tables stay whole in their page. PostgreSQL compresses a row's values, and moves them
 * into the TOAST table, as soon as the row exceeds ~2 kB, which most transaction rows do: at 1M transactions
 * half a gigabyte of TOAST, and inserting a row cost three times what it costs stored plainly (27,059 contract
 * transactions: 5.4 s with compression, 1.9 s without) because every row was compressed value by value. A
 * target of a full page (8160 bytes, the largest allowed) keeps them uncompressed and in line; only rows
 * larger than a page are still compressed. Rows stored before this migration stay as they are until
 * rewritten (a reload, or `VACUUM FULL`).
 */
export class InlineWideRows1764000001300 implements MigrationInterface {
  name = 'InlineWideRows1764000001300';

  async up(queryRunner: QueryRunner): Promise<void> {
    for (const table of WIDE_TABLES)
      await queryRunner.query(`ALTER TABLE ${table} SET (toast_tuple_target = 8160)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of WIDE_TABLES)
      await queryRunner.query(`ALTER TABLE ${table} RESET (toast_tuple_target)`);
  }
}
