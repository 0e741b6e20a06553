import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Code lists loaded from data/reference (countries, states, counties and cities, PSC, NAICS, budget
 * functions) and the data-load bookkeeping a request cache keys on. Names follow the reference
 * (ref_country_code, state_data, ref_city_county_state_code, psc, naics); budget_function is ours: the
 * reference keeps budget functions only as TAS columns, a lookup table makes filter validation cheap.
 */
export class ReferenceTables1764000000300 implements MigrationInterface {
  name = 'ReferenceTables1764000000300';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      CREATE TABLE ref_country_code (
        country_code text PRIMARY KEY, country_name text,
        create_date timestamptz NOT NULL DEFAULT now(), update_date timestamptz NOT NULL DEFAULT now()
      )`);
    await queryRunner.query(`
      CREATE TABLE state_data (
        id text PRIMARY KEY,
        fips text NOT NULL, code text NOT NULL, name text NOT NULL, type text NOT NULL, year integer NOT NULL,
        population bigint, pop_source text, median_household_income numeric(23,2), mhi_source text
      )`);
    await queryRunner.query(`CREATE INDEX state_data_code_year_idx ON state_data (code, year)`);
    await queryRunner.query(`
      CREATE TABLE ref_city_county_state_code (
        id integer PRIMARY KEY,
        state_alpha text NOT NULL, county_numeric text, county_name text,
        city_code text, city_name text, type_of_area text
      )`);
    await queryRunner.query(
      `CREATE INDEX ref_city_county_state_code_county_idx ON ref_city_county_state_code (state_alpha, county_numeric)`,
    );
    await queryRunner.query(`
      CREATE TABLE psc (
        code text PRIMARY KEY, description text, start_date date, end_date date,
        full_name text, excludes text, notes text, includes text
      )`);
    await queryRunner.query(`
      CREATE TABLE naics (
        code text PRIMARY KEY, description text NOT NULL, year integer NOT NULL
      )`);
    await queryRunner.query(`
      CREATE TABLE budget_function (
        budget_subfunction_code text PRIMARY KEY, budget_subfunction_title text NOT NULL,
        budget_function_code text NOT NULL, budget_function_title text NOT NULL
      )`);
    await queryRunner.query(
      `CREATE INDEX budget_function_code_idx ON budget_function (budget_function_code)`,
    );
    await queryRunner.query(`
      CREATE TABLE external_data_load_date (
        load_type text PRIMARY KEY,
        last_load_date timestamptz NOT NULL
      )`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of [
      'external_data_load_date',
      'budget_function',
      'naics',
      'psc',
      'ref_city_county_state_code',
      'state_data',
      'ref_country_code',
    ]) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
