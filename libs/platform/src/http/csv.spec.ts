import { csvField, csvLine } from './csv';

describe('csv', () => {
  it('leaves plain values alone and empties null/undefined', () => {
    expect(csvLine(['abc', 42, '+12025550100', null, undefined, ''])).toBe('abc,42,+12025550100,,,\r\n');
  });

  it('quotes fields with separators, quotes and line breaks, doubling quotes', () => {
    expect(csvField('a,b')).toBe('"a,b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('line1\nline2')).toBe('"line1\nline2"');
    expect(csvField('cr\rhere')).toBe('"cr\rhere"');
    expect(csvField('"')).toBe('""""');
  });

  it('neutralises cells a spreadsheet would evaluate as formulas, leaving plain numbers alone', () => {
    expect(csvField('=HYPERLINK("http://x","y")')).toBe(`"'=HYPERLINK(""http://x"",""y"")"`);
    expect(csvField('+cmd|x')).toBe("'+cmd|x");
    expect(csvField('-2+3')).toBe("'-2+3");
    expect(csvField('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvField('\tx')).toBe("'\tx");
    expect(csvField('+12025550100')).toBe('+12025550100');
    expect(csvField(-3)).toBe('-3');
    expect(csvField('a=b')).toBe('a=b');
  });

  it('writes objects as JSON and dates as ISO-8601', () => {
    expect(csvField({ '1': 'Ana', '2': 'ORD-1' })).toBe('"{""1"":""Ana"",""2"":""ORD-1""}"');
    expect(csvField(new Date('2026-01-02T03:04:05.678Z'))).toBe('2026-01-02T03:04:05.678Z');
  });

  it('round-trips through a strict RFC 4180 parser', () => {
    const values = ['x', 'a,b', 'q"uote', 'multi\r\nline', '', 'ünïcødé 🚀'];
    expect(parseCsvLine(csvLine(values))).toEqual(values);
  });
});

/** A minimal RFC 4180 parser for one record (test oracle). */
function parseCsvLine(line: string): string[] {
  const out: string[] = [];
  let i = 0;
  for (;;) {
    let field = '';
    if (line[i] === '"') {
      i++;
      for (;;) {
        if (line[i] === '"' && line[i + 1] === '"') (field += '"'), (i += 2);
        else if (line[i] === '"') { i++; break; }
        else field += line[i++];
      }
    } else {
      while (line[i] !== ',' && line[i] !== '\r') field += line[i++];
    }
    out.push(field);
    if (line[i] === ',') { i++; continue; }
    expect(line.slice(i)).toBe('\r\n');
    return out;
  }
}
