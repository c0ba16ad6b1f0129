import { safeNextPath, signInPath } from './safe-next-path';

describe('safeNextPath', () => {
  it.each([
    ['/supervision', '/supervision'],
    ['/people?service=1#top', '/people?service=1#top'],
    [null, '/'],
    ['', '/'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/sign-in', '/'],
    ['/sign-in?next=/x', '/'],
  ])('%p goes to %p', (next, expected) => {
    expect(safeNextPath(next)).toBe(expected);
  });

  it('builds the sign-in address that comes back to a page', () => {
    expect(signInPath('/cost-case?year=2025')).toBe('/sign-in?next=%2Fcost-case%3Fyear%3D2025');
    expect(signInPath('/')).toBe('/sign-in');
    expect(signInPath('//evil.example')).toBe('/sign-in');
  });
});
