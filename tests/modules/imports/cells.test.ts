import { readDate, readDecimal, readInteger, readList } from '../../../src/modules/imports/cells';

describe('readDecimal', () => {
  it.each([
    ['1,234.5', '1234.50'],
    ['￥1,234.50', '1234.50'],
    ['¥1234.5', '1234.50'],
    ['1234.50元', '1234.50'],
    [' 1234 ', '1234.00'],
    ['１２３４．５', '1234.50'],
    ['１，２３４', '1234.00'],
    ['1.2万', '12000.00'],
    ['1.2 万元', '12000.00'],
    ['3.5亿', '350000000.00'],
    ['0.000001万', '0.01'],
    ['1.230', '1.23'],
    ['.5', '0.50'],
    ['007', '7.00'],
    ['-5', '-5.00'],
    ['¥-1,234.10', '-1234.10'],
    ['-¥5', '-5.00'],
    ['-0', '0.00'],
    ['123456789012345678901234567890.12', '123456789012345678901234567890.12'],
  ])('reads %j as %j', (text, expected) => {
    expect(readDecimal(text)).toBe(expected);
  });

  it.each([
    ['', 'nothing'],
    ['   ', 'only spaces'],
    ['1.234', 'a fraction of a fen'],
    ['0.0000001万', 'a fraction of a fen once multiplied'],
    ['1.2E+07', 'scientific notation, as Excel displays big numbers'],
    ['1e3', 'scientific notation in lower case'],
    ['1,5', 'a comma that does not separate thousands'],
    ['12,34.5', 'thousands separators out of step'],
    ['-¥-5', 'two signs'],
    ['.', 'a point without digits'],
    ['12元万', 'the multiplier after the unit'],
    ['abc', 'words'],
    ['(1,234.50)', 'an accountant’s negative'],
  ])('refuses %j (%s)', (text) => {
    expect(readDecimal(text)).toBeNull();
  });

  it('reads a cell of many spaces in linear time', () => {
    const started = performance.now();
    expect(readDecimal(`¥${' '.repeat(100_000)}x`)).toBeNull();
    expect(readDecimal(`-${' '.repeat(100_000)}1${' '.repeat(100_000)}x`)).toBeNull();
    expect(performance.now() - started).toBeLessThan(100);
  });
});

describe('readInteger', () => {
  it.each([
    ['1200', '1200'],
    ['1,200', '1200'],
    ['１，２００', '1200'],
    [' 42 ', '42'],
    ['+7', '7'],
    ['-3', '-3'],
    ['007', '7'],
    ['3.0', '3'],
    ['1.2万', '12000'],
    ['２万', '20000'],
    ['0.5亿', '50000000'],
  ])('reads %j as %j', (text, expected) => {
    expect(readInteger(text)).toBe(expected);
  });

  it.each([
    ['', 'nothing'],
    ['1.5', 'a fraction'],
    ['1.00005万', 'a fraction once multiplied'],
    ['1e3', 'scientific notation'],
    ['1,20', 'thousands separators out of step'],
    ['¥12', 'money'],
    ['twelve', 'words'],
  ])('refuses %j (%s)', (text) => {
    expect(readInteger(text)).toBeNull();
  });
});

describe('readDate', () => {
  it.each([
    ['2024-01-05', '2024-01-05'],
    ['2024/1/5', '2024-01-05'],
    ['2024.1.5', '2024-01-05'],
    ['2024年1月5日', '2024-01-05'],
    ['2024年01月05号', '2024-01-05'],
    ['20240105', '2024-01-05'],
    ['２０２４／１／５', '2024-01-05'],
    [' 2024-12-31 ', '2024-12-31'],
    ['2024-02-29', '2024-02-29'],
    ['45296', '2024-01-05'],
    ['10000', '1927-05-18'],
    ['99999', '2173-10-13'],
  ])('reads %j as %j', (text, expected) => {
    expect(readDate(text)).toBe(expected);
  });

  it.each([
    ['', 'nothing'],
    ['2023-02-29', 'a day February 2023 lacks'],
    ['2024-13-01', 'a thirteenth month'],
    ['2024-04-31', 'a thirty-first of April'],
    ['0000-01-01', 'the year 0'],
    ['2024-1/5', 'mixed separators'],
    ['01234', 'a serial with a leading zero'],
    ['4529', 'a serial of four digits'],
    ['202415', 'six digits'],
    ['24-01-05', 'a two-digit year'],
    ['2024-01-05 08:00', 'a time of day'],
  ])('refuses %j (%s)', (text) => {
    expect(readDate(text)).toBeNull();
  });
});

describe('readList', () => {
  it.each([
    ['VOLUNTEERS、COMMUNITY_WORKERS', ['VOLUNTEERS', 'COMMUNITY_WORKERS']],
    [' a , b ', ['a', 'b']],
    ['a，b；c;d|e｜f', ['a', 'b', 'c', 'd', 'e', 'f']],
    ['a,,、 ,b', ['a', 'b']],
    ['single', ['single']],
    ['', []],
    [' ; ', []],
  ])('reads %j as %j', (text, expected) => {
    expect(readList(text)).toEqual(expected);
  });
});
