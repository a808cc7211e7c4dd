// The golfer's sign-in: an emailed code traded for a token, kept in this browser's local storage
// (not a cookie: the API reads it from the Authorization header only, so no request can carry
// it without the page's script), sent with every API call, and forgotten when Fairway refuses it.
import { call, slug } from './common.js';

const TOKEN_KEY = 'fairway.golferToken';
const GOLFER_KEY = 'fairway.golfer';

export function golfer() {
  try {
    return JSON.parse(localStorage.getItem(GOLFER_KEY));
  } catch {
    return null;
  }
}

export function signedIn() {
  return localStorage.getItem(TOKEN_KEY) !== null;
}

export function remember(token, who) {
  localStorage.setItem(TOKEN_KEY, token);
  localStorage.setItem(GOLFER_KEY, JSON.stringify(who));
}

/** The golfer's details as Fairway now has them (a new name), the token unchanged. */
export function rememberGolfer(who) {
  localStorage.setItem(GOLFER_KEY, JSON.stringify(who));
}

export function forget() {
  localStorage.removeItem(TOKEN_KEY);
  localStorage.removeItem(GOLFER_KEY);
}

/**
 * An API call with the golfer's token, when there is one. A token Fairway no longer knows
 * (expired, signed out elsewhere) is forgotten and the call made again without it; {@code onEnded}
 * is told, so the page can say so.
 */
export async function golferCall(method, path, options = {}, onEnded = () => {}) {
  const token = localStorage.getItem(TOKEN_KEY);
  if (token === null) return call(method, path, options);
  const answer = await call(method, path, { ...options, headers: { ...options.headers, Authorization: `Bearer ${token}` } });
  if (answer.status === 401 && slug(answer.problem) === 'invalid-token') {
    forget();
    onEnded();
    // A read is asked again as anyone; a write is not, so nothing is booked as someone else.
    return method === 'GET' ? call(method, path, options) : answer;
  }
  return answer;
}
