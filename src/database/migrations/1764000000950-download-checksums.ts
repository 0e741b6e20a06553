import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The SHA-256 of each finished zip (hex), computed while the zip streamed to storage. Read by the status
 * answer (`file_sha256`), the file route (`Repr-Digest`, `ETag`) and the archive listings (`sha256`).
 */
export class DownloadChecksums1764000000950 implements MigrationInterface {
  name = 'DownloadChecksums1764000000950';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE download_job ADD COLUMN file_sha256 text`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE download_job DROP COLUMN file_sha256`);
  }
}
