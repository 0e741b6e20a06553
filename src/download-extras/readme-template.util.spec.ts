import { README_TEMPLATES, renderReadme } from './readme-template.util';

describe('renderReadme', () => {
  it.each(README_TEMPLATES)('%s: comment lines dropped, CRLF line ends, no final line break', (template) => {
    const text = renderReadme(template, 456).toString('utf8');
    expect(text.length).toBeGreaterThan(100);
    expect(text.split('\r\n').some((line) => line.startsWith('#'))).toBe(false);
    expect(text.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
    expect(text.endsWith('\r\n')).toBe(false);
    expect(text).not.toContain('[AWARD_ID]');
  });

  it('puts the internal award id into the award page link', () => {
    expect(renderReadme('ContractSummary_download_readme.txt', 456).toString('utf8')).toContain(
      'https://www.usaspending.gov/award/456\r\n',
    );
  });
});
