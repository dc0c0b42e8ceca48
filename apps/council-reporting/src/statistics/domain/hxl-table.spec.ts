import { hxlTable } from './hxl-table.js';

describe('hxlTable', () => {
  const sut = hxlTable(
    ['country', 'year'],
    [
      {
        group: { country: 'SD', year: '2023' },
        incidents: 12,
        people: { killed: { national: 30, international: 2 }, kidnapped: { national: '<5' } },
      },
      { group: { country: 'other', year: '2023' }, incidents: 2, people: {} },
    ],
  );

  it('tags the group columns and every harm × status with HXL core tags where they exist', () => {
    expect(sut.tags.slice(0, 3)).toEqual(['#country+code', '#date+year', '#event+num']);
    expect(sut.tags).toEqual(
      expect.arrayContaining([
        '#affected+killed+national',
        '#affected+injured+international',
        '#affected+abducted+national',
        '#affected+detained+national',
      ]),
    );
    expect(sut.headers).toHaveLength(sut.tags.length);
  });

  it('puts each group on one line, zero where nobody was harmed', () => {
    const killedNational = sut.headers.indexOf('killed_national');
    const kidnappedNational = sut.headers.indexOf('kidnapped_national');
    expect(sut.rows[0]!.slice(0, 3)).toEqual(['SD', '2023', 12]);
    expect(sut.rows[0]![killedNational]).toBe(30);
    expect(sut.rows[0]![kidnappedNational]).toBe('<5');
    expect(sut.rows[1]![killedNational]).toBe(0);
  });
});
