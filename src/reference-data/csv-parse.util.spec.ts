import { copyField, copyRecord } from '../database/copy/csv-format.util';
import { parseCsv, parseCsvObjects } from './csv-parse.util';

describe('parseCsv', () => {
  it('reads quoted fields with delimiters, doubled quotes and line breaks', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","line1\nline2"\n1,,3';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'line1\nline2'],
      ['1', '', '3'],
    ]);
  });

  it('keeps a trailing empty field and ignores a final newline', () => {
    expect(parseCsv('a,b,\n')).toEqual([['a', 'b', '']]);
    expect(parseCsv('\uFEFFh\n""\n')).toEqual([['h'], ['']]);
  });

  it('rejects an unterminated quote and records of the wrong width', () => {
    expect(() => parseCsv('"abc')).toThrow('quoted field');
    expect(() => parseCsvObjects('a,b\n1,2,3\n')).toThrow('record 2 has 3 fields');
  });

  it('maps records to objects by header', () => {
    expect(parseCsvObjects('code,name\nAL,"Alabama, state"\n')).toEqual([
      { code: 'AL', name: 'Alabama, state' },
    ]);
  });
});

describe('copyField', () => {
  it('distinguishes NULL from the empty string and quotes what COPY would misread', () => {
    expect(copyRecord([null, '', 'plain', 'a,b', 'q"t', 'l\nm', '\\.', true, 12.5])).toBe(
      ',"",plain,"a,b","q""t","l\nm","\\.",t,12.5\n',
    );
    expect(copyField(undefined)).toBe('');
  });

  it('round-trips through the parser', () => {
    const values = ['x, "y"', 'é ü 中文', 'a\r\nb'];
    expect(parseCsv(copyRecord(values))).toEqual([values]);
  });
});
