import { isDatabaseUnavailable } from '../../src/db/unavailable';

/** How Drizzle reports a driver's failure: its own error, the driver's in `cause`. */
function wrapped(cause: object): Error {
  return Object.assign(new Error('Failed query: select 1'), { cause });
}

describe('isDatabaseUnavailable', () => {
  it('is true for a socket the server closed, a terminated backend and a connection that failed', () => {
    const closed = Object.assign(new Error('This socket has been ended by the other party'), { code: 'EPIPE' });
    expect(isDatabaseUnavailable(wrapped(closed))).toBe(true);
    expect(isDatabaseUnavailable(wrapped({ code: '57P01' }))).toBe(true);
    expect(isDatabaseUnavailable(wrapped({ code: '08006' }))).toBe(true);
    expect(isDatabaseUnavailable({ originalError: wrapped({ code: 'CONNECTION_DESTROYED' }) })).toBe(true);
  });

  it('is false for errors of the statement itself', () => {
    expect(isDatabaseUnavailable(wrapped({ code: '42601' }))).toBe(false);
    expect(isDatabaseUnavailable(new TypeError('x is undefined'))).toBe(false);
  });
});
