import { readZip } from '../../test/support/zip-reader';
import { dataDictionary } from './data-dictionary.util';

describe('dataDictionary', () => {
  it('is an Office Open XML workbook listing every column of the download files', async () => {
    const parts = await readZip(await dataDictionary());
    expect([...parts.keys()].sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
    const sheet = parts.get('xl/worksheets/sheet1.xml')!.toString('utf8');
    expect(sheet).toContain('<t xml:space="preserve">contract_award_unique_key</t>');
    expect(sheet).toContain('<t xml:space="preserve">program_activity_name</t>');
    // Every columns.json header of the twelve award and account lists plus the disaster lists, and a title row.
    expect(sheet.match(/<row /g)).toHaveLength(
      1 + 286 + 100 + 297 + 112 + 118 + 113 + 32 + 22 + 59 + 49 + 90 + 80 + 35 + 5,
    );
    expect(sheet).not.toMatch(/&(?!amp;|lt;|gt;|quot;)/);
  });

  it('is built once per process', async () => {
    expect(await dataDictionary()).toBe(await dataDictionary());
  });
});
