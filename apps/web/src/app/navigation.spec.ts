import { returnPathFrom, safeNextPath, signInPathFor, withNext } from './navigation';

describe('sign-in redirects', () => {
  it('builds a sign-in address that leads back to the page asked for', () => {
    expect(signInPathFor({ pathname: '/admin/users', search: '?q=ana', hash: '' })).toBe('/sign-in?next=%2Fadmin%2Fusers%3Fq%3Dana');
    expect(safeNextPath(new URLSearchParams('next=%2Fadmin%2Fusers%3Fq%3Dana').get('next'))).toBe('/admin/users?q=ana');
  });

  it('never sends people off-site or back to the sign-in form', () => {
    for (const next of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '', null, undefined, '/sign-in?next=/x']) {
      expect(safeNextPath(next)).toBe('/');
    }
    expect(safeNextPath('/profile', '/home')).toBe('/profile');
    expect(safeNextPath(null, '/home')).toBe('/home');
  });
});

describe('return paths carried through sign-up and verification', () => {
  it('reads only a safe ?next= and adds it to an address', () => {
    expect(returnPathFrom(new URLSearchParams('next=%2Finvitations%2Fabc'))).toBe('/invitations/abc');
    for (const next of ['https://evil.example', '//evil.example', '/\\evil', '/sign-up', `/${'a'.repeat(600)}`, '/a\nb']) {
      expect(returnPathFrom(new URLSearchParams({ next }))).toBeNull();
    }
    expect(returnPathFrom(new URLSearchParams())).toBeNull();
    expect(withNext('/sign-in', '/invitations/a b')).toBe('/sign-in?next=%2Finvitations%2Fa%20b');
    expect(withNext('/check-email?email=a%40b.org', '/x')).toBe('/check-email?email=a%40b.org&next=%2Fx');
    expect(withNext('/sign-in', null)).toBe('/sign-in');
  });
});
