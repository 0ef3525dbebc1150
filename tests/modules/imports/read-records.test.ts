import { Readable } from 'node:stream';
import { encode } from 'iconv-lite';
import { readRecords, type ImportFormat, type RecordRead } from '../../../src/modules/imports/read-records';

/** Every record readRecords finds in `chunks`, streamed through a Readable. */
async function readAll(chunks: (Buffer | string)[], format: ImportFormat = 'CSV'): Promise<RecordRead[]> {
  const records: RecordRead[] = [];
  for await (const record of readRecords(Readable.from(chunks), format)) records.push(record);
  return records;
}

/** `bytes` cut into chunks of `sizes`, the last size repeating to the end. */
function cut(bytes: Buffer, ...sizes: number[]): Buffer[] {
  const chunks: Buffer[] = [];
  for (let start = 0, i = 0; start < bytes.length; i++) {
    const size = sizes[Math.min(i, sizes.length - 1)]!;
    chunks.push(bytes.subarray(start, start + size));
    start += size;
  }
  return chunks;
}

function problem(line: number, message: string, field: string | null = null): RecordRead {
  return { line, problem: { field, code: 'INVALID', message } };
}

const utf8 = (text: string) => Buffer.from(text, 'utf8');

describe('readRecords of a CSV', () => {
  it('reads a UTF-8 file with a BOM, trimming names and values and leaving out empty cells', async () => {
    expect(await readAll([utf8('\uFEFF name , amount ,note\n 北京市公益基金会 , 1,  \n')])).toEqual([
      { line: 2, values: { name: '北京市公益基金会', amount: '1' } },
    ]);
  });

  it('reads a file without a BOM and with CRLF line endings the same way', async () => {
    expect(await readAll([utf8('name,amount\r\n甲,100\r\n乙,200\r\n')])).toEqual([
      { line: 2, values: { name: '甲', amount: '100' } },
      { line: 3, values: { name: '乙', amount: '200' } },
    ]);
  });

  it('gives each record the line it starts on when quoted fields hold line breaks, commas and quotes', async () => {
    const file = utf8('name,note\r\n"甲","第一行\r\n第二行"\r\n乙,"a, ""b"""\n"丙","x\ny\nz"\n丁,"\r\n"\r\n戊,end');
    const expected = [
      { line: 2, values: { name: '甲', note: '第一行\r\n第二行' } },
      { line: 4, values: { name: '乙', note: 'a, "b"' } },
      { line: 5, values: { name: '丙', note: 'x\ny\nz' } },
      { line: 8, values: { name: '丁' } },
      { line: 10, values: { name: '戊', note: 'end' } },
    ];
    expect(await readAll([file])).toEqual(expected);
    expect(await readAll(cut(file, 1))).toEqual(expected);
  });

  it('skips blank lines and rows of empty cells but counts their lines', async () => {
    expect(await readAll([utf8('\na,b\n\n1,2\n,\n  \r\n\t\n3,4\n\n')])).toEqual([
      { line: 4, values: { a: '1', b: '2' } },
      { line: 8, values: { a: '3', b: '4' } },
    ]);
  });

  it('reports a row with the wrong number of columns on its line and reads on', async () => {
    expect(await readAll([utf8('a,b\n1,2\n1,2,3\n4\n5,6\n')])).toEqual([
      { line: 2, values: { a: '1', b: '2' } },
      problem(3, 'expected 2 columns as in the header, found 3'),
      problem(4, 'expected 2 columns as in the header, found 1'),
      { line: 5, values: { a: '5', b: '6' } },
    ]);
  });

  it('stops with a problem on the header when it names a column twice', async () => {
    expect(await readAll([utf8('name,amount, name\n甲,1,2\n')])).toEqual([
      problem(1, 'the header names "name" twice (columns 1 and 3)', 'name'),
    ]);
  });

  it('stops with a problem on the header when it leaves a column unnamed', async () => {
    expect(await readAll([utf8('name,,amount\n甲,1,2\n')])).toEqual([problem(1, 'column 2 of the header has no name')]);
  });

  it('reports a quote left open on the line its row starts, after every row before it, and stops', async () => {
    expect(await readAll([utf8('a,b\n1,2\n3,4\n"5,6\n7,8\n')])).toEqual([
      { line: 2, values: { a: '1', b: '2' } },
      { line: 3, values: { a: '3', b: '4' } },
      problem(4, 'a quoted field in the row starting here is never closed; the rest of the file was not read'),
    ]);
  });

  it('stops with a problem when a row grows past 1 MiB, as behind a missing closing quote', async () => {
    const file = utf8(`a,b\n1,2\n3,"${'x'.repeat(1_100_000)}\n5,6\n`);
    expect(await readAll(cut(file, 64 * 1024))).toEqual([
      { line: 2, values: { a: '1', b: '2' } },
      problem(
        3,
        'the row is longer than 1 MiB, most likely because a closing quote is missing; the rest of the file was not read',
      ),
    ]);
  });

  it('keeps a quote inside an unquoted field as it is', async () => {
    expect(await readAll([utf8('item,size\nTV,55" screen\n')])).toEqual([
      { line: 2, values: { item: 'TV', size: '55" screen' } },
    ]);
  });

  it('reads GB18030, as Excel saves CSV on Chinese Windows', async () => {
    const file = encode('机构名称,金额,备注\r\n北京市朝阳区公益基金会,"1,234.50",吉祥𠮷\r\n', 'gb18030');
    expect(await readAll([file])).toEqual([
      { line: 2, values: { 机构名称: '北京市朝阳区公益基金会', 金额: '1,234.50', 备注: '吉祥𠮷' } },
    ]);
  });

  it('decodes GB18030 past the first 64 KiB with its characters cut between chunks', async () => {
    const rows = Array.from({ length: 3500 }, (_, i) => `社区志愿服务队${i},${i}\r\n`);
    const file = encode(`名称,人数\r\n${rows.join('')}`, 'gb18030');
    const records = await readAll(cut(file, 7, 64 * 1024, 3));
    expect(file.length).toBeGreaterThan(64 * 1024);
    expect(records).toHaveLength(3500);
    expect(records[3499]).toEqual({ line: 3501, values: { 名称: '社区志愿服务队3499', 人数: '3499' } });
  });

  it('reads UTF-16LE with its byte-order mark, tab-separated, as Excel saves "Unicode text"', async () => {
    const file = Buffer.concat([Buffer.from([0xff, 0xfe]), encode('名称\t金额\r\n甲基金会\t1,234.50\r\n', 'utf16le')]);
    expect(await readAll(cut(file, 5))).toEqual([{ line: 2, values: { 名称: '甲基金会', 金额: '1,234.50' } }]);
  });

  it('splits on tabs in UTF-8 too when the header has tabs and no comma', async () => {
    expect(await readAll([utf8('name\tamount\n甲\t1,234.50\n')])).toEqual([
      { line: 2, values: { name: '甲', amount: '1,234.50' } },
    ]);
  });

  it('keeps UTF-8 characters whole when chunks cut them, at the end of the sniffed 64 KiB too', async () => {
    const header = 'name,note\n';
    const filler = 'x'.repeat(64 * 1024 - Buffer.byteLength(`${header}甲,`) - 1);
    const file = utf8(`${header}甲,${filler}中文\n乙,好\n`);
    // the 64 KiB head ends inside 中
    expect(file.indexOf(utf8('中'))).toBe(64 * 1024 - 1);
    const expected = [
      { line: 2, values: { name: '甲', note: `${filler}中文` } },
      { line: 3, values: { name: '乙', note: '好' } },
    ];
    expect(await readAll(cut(file, 64 * 1024, 1))).toEqual(expected);
    expect(await readAll(cut(utf8('name,note\n甲,中文\n乙,好\n'), 1))).toEqual([
      { line: 2, values: { name: '甲', note: '中文' } },
      { line: 3, values: { name: '乙', note: '好' } },
    ]);
  });

  it('reports rows that are not UTF-8 when only the start of the file is', async () => {
    const ascii = Array.from({ length: 7000 }, (_, i) => `n${i},${i}\n`).join('');
    const file = Buffer.concat([utf8(`name,amount\n${ascii}`), encode('北京,1\n', 'gbk'), utf8('last,2\n')]);
    const records = await readAll(cut(file, 64 * 1024));
    expect(records.slice(-2)).toEqual([
      problem(
        7002,
        'the row is not valid UTF-8 text, though the start of the file is; save the whole file as "CSV UTF-8" and import it again',
      ),
      { line: 7003, values: { name: 'last', amount: '2' } },
    ]);
  });

  it('reads nothing from an empty file or one with only a header', async () => {
    expect(await readAll([])).toEqual([]);
    expect(await readAll([utf8('name,amount\r\n')])).toEqual([]);
  });

  it('streams 100,000 rows cut at awkward places, quickly', async () => {
    const rows = Array.from({ length: 100_000 }, (_, i) => `公益机构${i},${i}.50,"备注, 第${i}行"\r\n`);
    const file = utf8(`name,amount,note\r\n${rows.join('')}`);
    const started = process.cpuUsage();
    let count = 0;
    const sampled: RecordRead[] = [];
    for await (const record of readRecords(Readable.from(cut(file, 7, 64 * 1024)), 'CSV')) {
      count++;
      if (count === 1 || count === 50_000 || count === 100_000) sampled.push(record);
    }
    const { user, system } = process.cpuUsage(started);
    // CPU time, which other processes on the machine inflate less than wall-clock time; about
    // 1 s in plain Node and 2–3 s under jest on a busy 2-vCPU machine, against minutes if quadratic
    expect((user + system) / 1000).toBeLessThan(5_000);
    expect(count).toBe(100_000);
    expect(sampled).toEqual([
      { line: 2, values: { name: '公益机构0', amount: '0.50', note: '备注, 第0行' } },
      { line: 50_001, values: { name: '公益机构49999', amount: '49999.50', note: '备注, 第49999行' } },
      { line: 100_001, values: { name: '公益机构99999', amount: '99999.50', note: '备注, 第99999行' } },
    ]);
  });

  it('reads no further ahead than the consumer, and closes the input when it stops early', async () => {
    const header = 'name,n\n';
    const rows = Array.from({ length: 100_000 }, (_, i) => `row${i},${i}\n`);
    const chunks = cut(utf8(`${header}${rows.join('')}`), 16 * 1024);
    let read = 0;
    let closed = false;
    async function* source() {
      try {
        for (const chunk of chunks) {
          read++;
          yield chunk;
        }
      } finally {
        closed = true;
      }
    }
    const records = readRecords(source(), 'CSV');
    for (let i = 0; i < 20_000; i++) await records.next();
    // the chunk holding the 20,000th row, and at most one more for csv-parse to see how its line ends
    const needed = Math.ceil(Buffer.byteLength(header + rows.slice(0, 20_000).join('')) / (16 * 1024));
    expect(read).toBeGreaterThanOrEqual(needed);
    expect(read).toBeLessThanOrEqual(needed + 1);
    await records.return(undefined);
    expect(closed).toBe(true);
    expect(read).toBeLessThan(chunks.length / 2);
  });
});

describe('readRecords of JSONL', () => {
  it('reads one object per line as it is, with a BOM, CRLF and blank lines', async () => {
    const file = utf8('\uFEFF{"name":"甲","amount":1234.5,"tags":["a"]}\r\n\r\n  \n{"name":"乙","count":3}\n');
    expect(await readAll([file], 'JSONL')).toEqual([
      { line: 1, values: { name: '甲', amount: 1234.5, tags: ['a'] } },
      { line: 4, values: { name: '乙', count: 3 } },
    ]);
  });

  it('reports lines that are not JSON objects on their line and reads on', async () => {
    const file = utf8('{"a":1}\nnot json\n[1,2]\n"text"\nnull\n{"a":2}');
    expect(await readAll([file], 'JSONL')).toEqual([
      { line: 1, values: { a: 1 } },
      problem(2, expect.stringMatching(/^the line is not valid JSON: /)),
      problem(3, 'the line is JSON but an array, not an object'),
      problem(4, 'the line is JSON but a string, not an object'),
      problem(5, 'the line is JSON but null, not an object'),
      { line: 6, values: { a: 2 } },
    ]);
  });

  it('reports a line that is not UTF-8 and reads on', async () => {
    const file = Buffer.concat([utf8('{"a":"甲"}\n'), encode('{"a":"乙"}\n', 'gbk'), utf8('{"a":"丙"}\n')]);
    expect(await readAll([file], 'JSONL')).toEqual([
      { line: 1, values: { a: '甲' } },
      problem(2, 'the line is not UTF-8 text'),
      { line: 3, values: { a: '丙' } },
    ]);
  });

  it('joins lines cut between chunks, inside characters too, from bytes or strings', async () => {
    const text = '{"名称":"社区基金会"}\r\n{"名称":"志愿者协会"}';
    const expected = [
      { line: 1, values: { 名称: '社区基金会' } },
      { line: 2, values: { 名称: '志愿者协会' } },
    ];
    expect(await readAll(cut(utf8(text), 1), 'JSONL')).toEqual(expected);
    expect(await readAll([text.slice(0, 5), text.slice(5)], 'JSONL')).toEqual(expected);
  });

  it('skips a line past 1 MiB with a problem and reads the next', async () => {
    const file = utf8(`{"a":"${'x'.repeat(1_100_000)}"}\n{"a":1}\n`);
    expect(await readAll(cut(file, 64 * 1024), 'JSONL')).toEqual([
      problem(1, 'the line is longer than 1 MiB'),
      { line: 2, values: { a: 1 } },
    ]);
  });
});
