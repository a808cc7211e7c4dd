// The golfer's tee sheet: choose a course, a day and the party size, see the day's tee times,
// book one and cancel it; sign in by emailed code to book without retyping, see "my bookings",
// and watch a day count down to its release. Talks only to the public and golfer API.
import {
  addDays, countdown, el, explain, fillSelect, longDate, money, randomKey, say, slug, teeTimesOf,
  teeName, timeIn, timeLabels, todayIn, wallClock, weekdayAndTime,
} from './common.js';
import { forget, golfer, golferCall, remember, rememberGolfer, signedIn } from './golfer.js';
import { holdPanel } from './hold.js';
import { waitlistPanel } from './waitlist.js';
import { drawPanel } from './draw.js';

const $ = (id) => document.getElementById(id);
const page = {
  picker: $('day-picker'), course: $('course'), date: $('date'), players: $('players'),
  holes: $('holes'), holesField: $('holes-field'),
  previous: $('previous-day'), next: $('next-day'), refresh: $('refresh'),
  stale: $('stale-banner'), message: $('message'),
  dayTitle: $('day-title'), zoneNote: $('zone-note'), teeTimes: $('tee-times'), none: $('no-tee-times'),
  confirmation: $('confirmation'), confirmationText: $('confirmation-text'), bookingLink: $('booking-link'),
  confirmationMessage: $('confirmation-message'), cancel: $('cancel-booking'),
  dialog: $('booking-dialog'), form: $('booking-form'), bookingTitle: $('booking-title'), summary: $('booking-summary'),
  name: $('name'), email: $('email'), bookingError: $('booking-error'), book: $('book'), close: $('close-booking'),
  nameField: $('name-field'), emailField: $('email-field'), bookingAs: $('booking-as'),
  account: $('account'), signInForm: $('sign-in-form'), signInEmail: $('sign-in-email'), sendCode: $('send-code'),
  codeForm: $('code-form'), code: $('sign-in-code'), verify: $('verify-code'), accountMessage: $('account-message'),
  signedInAs: $('signed-in-as'), signOut: $('sign-out'), releaseNote: $('release-note'),
  signInUnavailable: $('sign-in-unavailable'), earlier: $('earlier-tee-times'), cancelDialog: $('cancel-dialog'),
  cancelQuestion: $('cancel-question'), cancelYes: $('cancel-yes'), cancelNo: $('cancel-no'),
  confirmationPrice: $('confirmation-price'), keepLink: $('keep-link'), emailLabel: $('email-label'),
  dateNote: $('date-note'),
  myPanel: $('my-bookings-panel'), mine: $('my-bookings'), noMine: $('no-my-bookings'), mineMessage: $('my-bookings-message'),
};
const ENDED = 'Your sign-in has ended: sign in again to book as yourself.';
/** Every API call goes with the golfer's token, when there is one. */
const call = (method, path, options) => golferCall(method, path, options, () => {
  showAccount();
  say(page.accountMessage, ENDED, 'error');
});
const BUSY = 'The booking system is busy, your booking was not taken, try again.';
/** How a golfer reads a booking's status; a confirmed one needs no word. */
const GOLFER_STATUS = { cancelled: 'cancelled', 'checked-in': 'checked in', 'no-show': 'marked as a no-show' };

const enc = encodeURIComponent;
/** A booking a hold became: shown as any booking, and the lists that may hold it loaded again. */
const holdBooked = (booking) => {
  state.price = null;
  showConfirmation(booking);
  if (state.course) loadDay();
  if (signedIn()) loadMine();
  waitlist.load();
};
const holds = holdPanel({ call, now: () => serverNow(), courseName: (id) => courseName(id), golfer: () => (signedIn() ? golfer() : null),
  booked: (booking) => holdBooked(booking) });
const draws = drawPanel({ call, signedIn });
const waitlist = waitlistPanel({ call, signedIn, courseName: (id) => courseName(id), openHold: (id) => holds.open(id) });

const state = {
  course: null, // the chosen course, as GET /api/courses/{id} returns it
  today: null, // today in the course's zone
  lastDay: null, // the last day of its booking window
  sequence: 0, // numbers each availability request, so that a late answer never overwrites a newer one
  retryTimer: null,
  loadingFailed: false,
  form: null, // the open booking form: its tee time, party size and Idempotency-Key
  booking: null, // the booking shown in the confirmation
  skew: 0, // the server's clock minus this browser's, from the Date of the last answer
  release: null, // the shown day's release to this golfer: {at, timer}
  releaseReloads: new Map(), // releasesAt -> how often the day was loaded again for it
  signInEmail: null,
  signInAvailable: true, // false when Fairway sends no email: a code could never arrive
  showEarlier: false, // whether today's past tee times are unfolded
  price: null, // the price shown when the booking was made: {total, each, rate}
};

async function start() {
  const signIn = await call('GET', '/api/sign-in');
  state.signInAvailable = !signIn.ok || signIn.data.available;
  state.signInDelivery = signIn.ok ? signIn.data.delivery : 'smtp';
  showAccount();
  const params = new URLSearchParams(location.search);
  const courses = await call('GET', '/api/courses');
  if (!courses.ok) {
    failLoading(courses, start);
    return;
  }
  if (courses.data.length === 0) {
    say(page.message, 'There are no courses yet: staff create them with PUT /api/courses/{id}.');
    return;
  }
  fillSelect(page.course, courses.data.map((c) => ({ value: c.id, label: c.name })), params.get('course'));
  let date = params.get('date');
  const holdId = params.get('hold');
  if (holdId) {
    const hold = await holds.open(holdId);
    if (hold) {
      page.course.value = hold.courseId;
      date = hold.start.substring(0, 10);
    }
  }
  const bookingId = params.get('booking');
  if (bookingId) {
    const booking = await showBooking(bookingId);
    if (booking) {
      page.course.value = booking.courseId;
      date = booking.start.substring(0, 10);
    }
  }
  await selectCourse(page.course.value, date, params.get('players'), params.get('holes'));
}

function wire() {
  page.picker.addEventListener('submit', (event) => event.preventDefault());
  page.course.addEventListener('change', () => selectCourse(page.course.value, page.date.value, page.players.value,
    page.holes.value));
  page.date.addEventListener('change', () => {
    if (page.date.value) loadDay();
  });
  page.earlier.addEventListener('click', () => {
    state.showEarlier = !state.showEarlier;
    renderEarlier();
  });
  page.cancelNo.addEventListener('click', () => page.cancelDialog.close());
  page.previous.addEventListener('click', () => moveDays(-1));
  page.next.addEventListener('click', () => moveDays(1));
  page.players.addEventListener('change', loadDay);
  page.holes.addEventListener('change', loadDay);
  page.refresh.addEventListener('click', loadDay);
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible' && state.course) loadDay();
  });
  page.form.addEventListener('submit', (event) => {
    event.preventDefault();
    submitBooking();
  });
  page.close.addEventListener('click', () => page.dialog.close());
  page.dialog.addEventListener('close', () => {
    const teeTime = state.form?.teeTime;
    state.form = null;
    if (teeTime && document.activeElement === document.body) {
      // Back where the keyboard was.
      page.teeTimes.querySelector(`[data-start="${teeTime.start}"][data-tee="${teeTime.tee ?? '1'}"] button`)?.focus();
    }
  });
  page.cancel.addEventListener('click', cancelBooking);
  page.signInForm.addEventListener('submit', (event) => {
    event.preventDefault();
    sendCode();
  });
  page.codeForm.addEventListener('submit', (event) => {
    event.preventDefault();
    verifyCode();
  });
  page.signOut.addEventListener('click', signOut);
}

/** Shows the sign-in form, or who is signed in and their bookings. */
function showAccount() {
  const who = signedIn() ? golfer() : null;
  page.account.hidden = who !== null;
  page.signedInAs.hidden = who === null;
  page.signOut.hidden = who === null;
  page.myPanel.hidden = who === null;
  waitlist.load();
  if (who) {
    page.signedInAs.textContent = `Signed in as ${who.name ?? who.email}`;
    loadMine();
  } else {
    page.codeForm.hidden = state.signInEmail === null;
    page.signInForm.hidden = !state.signInAvailable;
    page.signInUnavailable.hidden = state.signInAvailable;
  }
}

async function sendCode() {
  const email = page.signInEmail.value.trim();
  if (!email.includes('@')) {
    say(page.accountMessage, 'Enter your email address.', 'error');
    page.signInEmail.focus();
    return;
  }
  page.sendCode.disabled = true;
  const answer = await call('POST', '/api/sign-in', { body: { email } });
  page.sendCode.disabled = false;
  if (answer.status === 202) {
    state.signInEmail = email;
    page.codeForm.hidden = false;
    say(page.accountMessage, state.signInDelivery === 'console'
      ? `A 6-digit code for ${email} is printed where Fairway runs (a local trial: it sends no email). It works once, for 10 minutes.`
      : `We emailed a 6-digit code to ${email}. It works once, for 10 minutes.`);
    page.code.focus();
  } else {
    say(page.accountMessage, problemText(answer), 'error');
  }
}

async function verifyCode() {
  const code = page.code.value.trim();
  if (!/^[0-9]{6}$/.test(code)) {
    say(page.accountMessage, 'The code is the 6 digits from the email.', 'error');
    page.code.focus();
    return;
  }
  page.verify.disabled = true;
  const answer = await call('POST', '/api/sign-in/verify', { body: { email: state.signInEmail, code } });
  page.verify.disabled = false;
  if (answer.ok) {
    remember(answer.data.token, answer.data.golfer);
    state.signInEmail = null;
    page.code.value = '';
    say(page.accountMessage, '');
    showAccount();
    loadDay(); // a member sees the member's release times
  } else {
    say(page.accountMessage, slug(answer.problem) === 'invalid-code'
      ? 'That code is wrong, used or expired. Check the newest email, or ask for a new code.' : problemText(answer), 'error');
    page.code.focus();
  }
}

async function signOut() {
  await call('POST', '/api/sign-out');
  forget();
  showAccount();
  say(page.accountMessage, 'You are signed out.');
  loadDay();
}

async function loadMine() {
  const answer = await call('GET', '/api/me/bookings');
  if (!answer.ok) {
    if (signedIn()) say(page.mineMessage, problemText(answer), 'error');
    return;
  }
  say(page.mineMessage, '');
  page.mine.replaceChildren(...answer.data.map((b) => el('li', { class: `my-booking ${b.status}`, 'data-booking-id': b.id },
    el('span', {}, `${longDate(b.start.substring(0, 10))} ${wallClock(b.start)} · ${courseName(b.courseId)} · `
      + `${b.players === 1 ? '1 player' : `${b.players} players`}`
      + `${b.tee && b.tee !== '1' ? ` · ${teeName(b.tee)}` : ''}${b.turn ? ` · turn ${wallClock(b.turn.start)}` : ''}`
      + (GOLFER_STATUS[b.status] ? ` · ${GOLFER_STATUS[b.status]}` : '')), ' ',
    b.status === 'confirmed'
      ? el('button', { type: 'button', class: 'secondary', onclick: () => cancelMine(b) },
        `Cancel ${wallClock(b.start)} on ${longDate(b.start.substring(0, 10))}`)
      : null)));
  page.noMine.hidden = answer.data.length > 0;
}

function cancelMine(booking) {
  confirmCancel(booking, () => cancelMineConfirmed(booking));
}

async function cancelMineConfirmed(booking) {
  const answer = await call('DELETE', `/api/bookings/${enc(booking.id)}`);
  if (answer.status === 204) {
    say(page.mineMessage, `Cancelled your booking of ${wallClock(booking.start)} on ${longDate(booking.start.substring(0, 10))}.`);
    loadMine();
    loadDay();
  } else {
    say(page.mineMessage, problemText(answer), 'error');
  }
}

function courseName(id) {
  return Array.from(page.course.options).find((o) => o.value === id)?.textContent ?? id;
}

/** What to tell the golfer of a refusal; a rate limit says plainly how long to wait. */
function problemText(answer) {
  if (answer.status === 429) {
    return `Too many requests from your connection: please wait ${answer.retryAfter ?? 1} s and try again.`;
  }
  if (answer.status === 0 || answer.status === 503) return BUSY;
  return explain(answer.problem);
}

async function selectCourse(id, date, players, holes) {
  const answer = await call('GET', `/api/courses/${enc(id)}`);
  if (!answer.ok) {
    failLoading(answer, () => selectCourse(id, date, players, holes));
    return;
  }
  state.course = answer.data;
  state.today = todayIn(state.course.timeZone);
  state.lastDay = addDays(state.today, state.course.bookingWindowDays);
  page.date.min = state.today;
  page.date.value = withinWindow(date || state.today);
  const sizes = Array.from({ length: state.course.maxPlayersPerTeeTime }, (_, i) => i + 1);
  fillSelect(page.players, sizes.map((n) => ({ value: n, label: n === 1 ? '1 player' : `${n} players` })), players ?? 1);
  // 9 or 18 holes, asked only where the course offers both.
  const rounds = state.course.rounds ?? [18];
  fillSelect(page.holes, [...rounds].sort((a, b) => b - a).map((n) => ({ value: n, label: `${n} holes` })),
    holes ?? (rounds.includes(18) ? 18 : 9));
  page.holesField.hidden = rounds.length < 2;
  await loadDay();
}

function withinWindow(date) {
  return date < state.today ? state.today : date;
}

function moveDays(days) {
  page.date.value = withinWindow(addDays(page.date.value || state.today, days));
  loadDay();
}

/** Why a chosen day shows nothing to book, in the golfer's words; empty when it is bookable. */
function dateNote(date) {
  if (date < state.today) return `${longDate(date)} has passed: choose today or a day to come.`;
  if (date > state.lastDay) {
    return `${longDate(date)} is more than ${state.course.bookingWindowDays} days ahead: its tee times are not open `
      + 'for booking yet. Each tile says when it opens.';
  }
  return '';
}

async function loadDay() {
  if (!state.course || !page.date.value) return;
  clearTimeout(state.retryTimer);
  const sequence = ++state.sequence;
  const date = page.date.value;
  const players = page.players.value || '1';
  page.previous.disabled = date <= state.today;
  say(page.dateNote, dateNote(date), 'warning');
  if (date < state.today) {
    page.teeTimes.replaceChildren();
    page.none.hidden = true;
    page.earlier.hidden = true;
    return;
  }
  const holes = page.holes.value || '18';
  const params = { course: state.course.id, date, players, ...(page.holesField.hidden ? {} : { holes }) };
  if (state.booking && !page.confirmation.hidden) params.booking = state.booking.id;
  history.replaceState(null, '', `?${new URLSearchParams(params)}`);
  page.teeTimes.setAttribute('aria-busy', 'true');
  const answer = await call('GET',
    `/api/courses/${enc(state.course.id)}/availability?from=${date}&to=${date}&players=${players}`
    + (page.holesField.hidden ? '' : `&holes=${holes}`));
  if (sequence !== state.sequence) return; // a later choice is already being loaded
  page.teeTimes.setAttribute('aria-busy', 'false');
  if (!answer.ok) {
    failLoading(answer, loadDay);
    return;
  }
  // Date has whole seconds: the server's clock is half a second past it, on average.
  if (answer.serverDate) state.skew = Date.parse(answer.serverDate) + 500 - Date.now();
  if (state.loadingFailed) {
    state.loadingFailed = false;
    say(page.message, '');
  }
  render(answer.data);
}

/** Says why loading failed; when the database is away, tries again when the server says to. */
function failLoading(answer, again) {
  state.loadingFailed = true;
  if (answer.status === 429) {
    const seconds = answer.retryAfter ?? 1;
    say(page.message, `Too many requests from your connection: tee times load again in ${seconds} s.`, 'error');
    state.retryTimer = setTimeout(again, seconds * 1000);
  } else if (answer.status === 503 || answer.status === 0) {
    const seconds = answer.retryAfter ?? 5;
    say(page.message, `Tee times cannot be loaded right now: the booking system is busy. Trying again in ${seconds} s.`, 'error');
    state.retryTimer = setTimeout(again, seconds * 1000);
  } else {
    say(page.message, explain(answer.problem), 'error');
  }
}

function render(availability) {
  page.dayTitle.textContent = `Tee times on ${longDate(availability.from)}`;
  page.zoneNote.textContent = `Times are the course's local time (${availability.timeZone}); prices are per player`
    + (manyTees() ? '. Rounds start from either tee; an 18-hole round also holds its place at the turn, shown on each time.' : '.');
  if (availability.stale) {
    say(page.stale, `Fairway cannot reach its database right now: the times shown are as of ${timeIn(availability.asOf, availability.timeZone)} and may be out of date.`, 'warning');
  } else {
    say(page.stale, '');
  }
  const teeTimes = teeTimesOf(availability);
  const labels = timeLabels(teeTimes);
  // Today opens at the next tee time still bookable: the ones gone by, or too soon, are folded away.
  const soonest = serverNow() + (state.course.minNoticeMinutes ?? 0) * 60_000;
  page.teeTimes.replaceChildren(...teeTimes.map((t) => {
    const item = teeTimeItem(t, labels.get(t.start), availability);
    if (t.status !== 'open' && !t.releasesAt && Date.parse(t.start) < soonest) item.classList.add('earlier');
    return item;
  }));
  page.teeTimes.dataset.date = availability.from;
  page.teeTimes.dataset.players = availability.players;
  page.teeTimes.dataset.bookingClass = availability.bookingClass ?? 'public';
  page.none.hidden = teeTimes.length > 0;
  renderEarlier();
  watchRelease(teeTimes.find((t) => t.releasesAt)?.releasesAt, availability);
  waitlist.showDay(state.course, availability, availability.players, page.holesField.hidden ? null : Number(page.holes.value));
  draws.showDay(state.course, availability, availability.players, page.holesField.hidden ? null : Number(page.holes.value));
}

/** Folds today's tee times that are gone or too soon behind one button, or unfolds them. */
function renderEarlier() {
  const earlier = page.teeTimes.querySelectorAll('li.earlier');
  earlier.forEach((item) => { item.hidden = !state.showEarlier; });
  page.earlier.hidden = earlier.length === 0;
  page.earlier.textContent = state.showEarlier
    ? `Hide the ${earlier.length} earlier tee times`
    : `Show the ${earlier.length} earlier tee ${earlier.length === 1 ? 'time' : 'times'} (gone or too soon to book)`;
  page.earlier.setAttribute('aria-expanded', String(state.showEarlier));
}

/** The server's time, as far as this browser can tell. */
function serverNow() {
  return Date.now() + state.skew;
}

/**
 * Counts down to the shown day's release, and at that instant loads the day again: the tee
 * times become bookable without a reload, when the server says they are.
 */
function watchRelease(releasesAt, availability) {
  clearInterval(state.release?.timer);
  state.release = null;
  if (!releasesAt) {
    say(page.releaseNote, '');
    return;
  }
  const at = Date.parse(releasesAt);
  const when = weekdayAndTime(releasesAt, availability.timeZone);
  const cls = availability.bookingClass === 'public' ? '' : ` (${availability.bookingClass})`;
  const release = { at, timer: null };
  const tick = () => {
    const left = at - serverNow();
    if (left <= 0) {
      clearInterval(release.timer);
      say(page.releaseNote, `These tee times open for you${cls} now.`);
      // Load until the server's answer says they are open; a clock a little ahead of the server's waits a moment.
      const reloads = state.releaseReloads.get(releasesAt) ?? 0;
      if (reloads < 20) {
        state.releaseReloads.set(releasesAt, reloads + 1);
        setTimeout(loadDay, reloads === 0 ? 0 : 300);
      }
      return;
    }
    page.releaseNote.dataset.releasesAt = releasesAt;
    say(page.releaseNote, `These tee times open for you${cls} ${when}, ${countdown(left)}.`);
  };
  state.release = release;
  tick();
  if (at - serverNow() > 0) release.timer = setInterval(tick, Math.min(1000, Math.max(50, at - serverNow())));
}

/** What a tile says: its room and its state, in words that agree with each other and with the party asked for. */
function tileWords(teeTime, availability) {
  const players = availability.players;
  const left = teeTime.available === 1 ? '1 spot left' : `${teeTime.available} spots left`;
  if (teeTime.releasesAt) {
    return { spots: left, status: `Opens ${weekdayAndTime(teeTime.releasesAt, availability.timeZone)}` };
  }
  switch (teeTime.status) {
    case 'open':
      return { spots: left, status: 'Open' };
    case 'full':
      return teeTime.available === 0 ? { spots: 'No spots left', status: 'Full' }
        : { spots: `Room for ${teeTime.available} only`, status: `Too few spots for ${players}` };
    case 'blocked':
      return { spots: '', status: 'Closed by the course' };
    default:
      if (Date.parse(teeTime.start) <= serverNow()) return { spots: '', status: 'Gone by', gone: true };
      if ((teeTime.minPlayers ?? 1) > players) return { spots: left, status: `${teeTime.minPlayers} players or more` };
      if (Date.parse(teeTime.start) >= serverNow() + (state.course.minNoticeMinutes ?? 0) * 60_000 && missesTurn(teeTime)) {
        return { spots: '', status: (state.course.rounds ?? []).includes(9) ? 'No time at the turn: 9 holes only' : 'No time at the turn' };
      }
      return { spots: left, status: 'Too soon to book online' };
  }
}

/** Whether an 18-hole round from this tee would turn, and finds no tee time at the turn. */
function missesTurn(teeTime) {
  const tee = (state.course.tees ?? []).find((t) => t.name === teeTime.tee);
  return teeTime.holes === 18 && !teeTime.turn && Boolean(tee?.turnsTo);
}

/** Whether the course has more than one tee: only then do golfers see which tee a time is on. */
function manyTees() {
  return (state.course?.tees ?? []).length > 1;
}

/** Where the round goes: its tee where there are several, and its turn. */
function roundWords(teeTime, timeZone) {
  const parts = [];
  if (manyTees()) parts.push(`From the ${teeName(teeTime.tee)}`);
  if (teeTime.turn) parts.push(`turn ${timeIn(teeTime.turn.start, timeZone)} at the ${teeName(teeTime.turn.tee)}`);
  return parts.join(', ');
}

function teeTimeItem(teeTime, label, availability) {
  const price = teeTime.rate ? `${money(teeTime.rate.pricePerPlayer, availability.currency)} · ${teeTime.rate.name}` : 'No price';
  const words = tileWords(teeTime, availability);
  const round = roundWords(teeTime, availability.timeZone);
  const button = el('button', {
    type: 'button', class: 'slot', disabled: teeTime.status !== 'open',
    onclick: () => openForm(teeTime, label, availability),
  },
  el('span', { class: 'time' }, label),
  round ? el('span', { class: 'round' }, round) : null,
  words.spots ? el('span', { class: 'spots' }, words.spots) : null,
  words.gone ? null : el('span', { class: 'price' }, price),
  el('span', { class: 'status' }, words.status));
  return el('li', {
    class: `tee-time ${teeTime.status}`, 'data-start': teeTime.start, 'data-tee': teeTime.tee ?? '1',
    'data-status': teeTime.status, 'data-available': teeTime.available,
  }, button);
}

function openForm(teeTime, label, availability) {
  const players = Number(page.players.value);
  // One key per form: a double click or a retry of this form sends the same key, so it books once.
  const price = teeTime.rate ? {
    each: money(teeTime.rate.pricePerPlayer, availability.currency), rate: teeTime.rate.name,
    total: money(Number(teeTime.rate.pricePerPlayer) * players, availability.currency),
  } : null;
  state.form = {
    courseId: state.course.id, teeTime, players, price, key: randomKey(), sentBody: null, unknown: false, sending: false,
  };
  page.bookingTitle.textContent = `Book ${label} on ${longDate(availability.from)}`;
  const round = roundWords(teeTime, availability.timeZone);
  const holes = page.holesField.hidden ? '' : `, ${teeTime.holes} holes`;
  page.summary.textContent = `${players === 1 ? '1 player' : `${players} players`} at ${state.course.name}${holes}`
    + (round ? ` (${round.charAt(0).toLowerCase()}${round.slice(1)})` : '')
    + (price ? `, ${price.total} in all (${price.each} each), paid at the course.` : '.');
  say(page.bookingError, '');
  lockForm(false);
  const who = signedIn() ? golfer() : null;
  // A signed-in golfer books under the golfer's name, and may give or change it here.
  page.name.value = who ? (who.name ?? '') : page.name.value;
  page.emailField.hidden = who !== null;
  const emailNeeded = who === null && classLimits(availability.bookingClass);
  page.email.required = emailNeeded;
  page.emailLabel.textContent = emailNeeded ? 'Email (needed: this course limits bookings per golfer)' : 'Email (optional)';
  page.bookingAs.hidden = who === null;
  page.bookingAs.textContent = who ? `Booking as ${who.email}.` : '';
  page.dialog.showModal();
  (who && who.name ? page.book : page.name).focus();
}

/** The rules of the golfer's booking class, or null when the course has no classes. */
function bookingClass(name) {
  return (state.course.bookingClasses ?? []).find((c) => c.name === name) ?? null;
}

/** Whether the class limits bookings per golfer: then an anonymous booker must give an email. */
function classLimits(name) {
  const rules = bookingClass(name);
  return Boolean(rules && (rules.maxOpenBookings || rules.maxBookingsPerDay));
}

async function submitBooking() {
  const form = state.form;
  if (!form || form.sending) return;
  const asGolfer = signedIn();
  const name = page.name.value.trim();
  const email = asGolfer ? '' : page.email.value.trim();
  if (!name) {
    say(page.bookingError, 'Please enter the name the booking is under.', 'error');
    page.name.focus();
    return;
  }
  if (page.email.required && !email) {
    say(page.bookingError, 'Please enter your email: this course counts each golfer\'s bookings by it.', 'error');
    page.email.focus();
    return;
  }
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) {
    say(page.bookingError, 'That is not an email address: it should look like ann@example.com.', 'error');
    page.email.focus();
    return;
  }
  if (asGolfer && name !== (golfer()?.name ?? '')) {
    // The golfer's name, kept for the next booking too.
    const renamed = await call('PUT', '/api/me', { body: { name } });
    if (renamed.ok) rememberGolfer(renamed.data);
  }
  // A signed-in golfer's booking leaves the email out: the golfer's is used.
  const body = {
    start: form.teeTime.start, players: form.players, name, ...(email ? { email } : {}),
    ...(form.teeTime.tee ? { tee: form.teeTime.tee, holes: form.teeTime.holes } : {}),
  };
  const text = JSON.stringify(body);
  if (form.sentBody !== null && form.sentBody !== text && !form.unknown) {
    form.key = randomKey(); // the earlier attempt was refused: the changed form is a new request
  }
  form.sentBody = text;
  form.sending = true;
  page.book.disabled = true;
  page.book.textContent = 'Booking…';
  say(page.bookingError, '');
  const answer = await call('POST', `/api/courses/${enc(form.courseId)}/bookings`,
    { body, headers: { 'Idempotency-Key': form.key } });
  form.sending = false;
  page.book.disabled = false;
  page.book.textContent = 'Book';
  answered(form, answer);
}

/** Handles the answer, even when the form was closed while it was on its way: nothing is lost. */
function answered(form, answer) {
  const kind = slug(answer.problem);
  const open = state.form === form;
  const tell = (text) => say(open ? page.bookingError : page.message, text, 'error');
  form.unknown = answer.status === 0 || kind === 'request-in-progress';
  // While the outcome is unknown, the same key must go with the same details.
  if (open) lockForm(form.unknown);
  if (answer.status === 201) {
    if (open) page.dialog.close();
    state.price = form.price;
    showConfirmation(answer.data);
    say(page.message, '');
    loadDay();
    if (signedIn()) loadMine();
  } else if (answer.status === 0) {
    tell('No answer from the booking system, so your booking may or may not have been taken. Press Book again to find out: it will not book twice.');
  } else if (kind === 'request-in-progress') {
    tell('Your booking is still being processed. Press Book again in a moment to see how it went.');
  } else if (answer.status === 503) {
    tell(BUSY);
  } else if (answer.status === 429) {
    tell(`Too many booking attempts from your connection: wait ${answer.retryAfter ?? 1} s and press Book again.`);
  } else if (kind === 'sign-in-required' || kind === 'invalid-token') {
    tell(kind === 'invalid-token' ? ENDED : 'This course takes bookings from signed-in golfers only: sign in above first.');
  } else if (answer.status === 400) {
    tell(inWords(answer.problem));
  } else {
    // full, blocked, too-soon, outside the window, no longer a tee time: not bookable as asked.
    if (open) page.dialog.close();
    say(page.message, inWords(answer.problem), 'error');
    page.message.scrollIntoView({ block: 'center' });
    loadDay();
  }
}

/** A refusal in the golfer's words: the class's limits and the course's rules put into sentences. */
function inWords(problem) {
  const kind = slug(problem);
  const rules = bookingClass(page.teeTimes.dataset.bookingClass) ?? {};
  const who = rules.name && rules.name !== 'public' ? `As a ${rules.name}, you` : 'You';
  const detail = problem?.detail ?? '';
  switch (kind) {
    case 'limit-reached':
      return detail.includes('maxBookingsPerDay')
        ? `${who} may book ${rules.maxBookingsPerDay ?? 1} tee ${rules.maxBookingsPerDay === 1 ? 'time' : 'times'} a day here, `
          + 'and you already have that many on this day. Cancel one (under My bookings, or from its link) to book another.'
        : `${who} may have ${rules.maxOpenBookings ?? 1} ${rules.maxOpenBookings === 1 ? 'booking' : 'bookings'} to come here at once, `
          + 'and you have that many. Play or cancel one to book another.';
    case 'full': return detail ? `Those spots have just gone: ${detail}.` : 'This tee time is full.';
    case 'blocked': return 'The course has closed this tee time. Choose another.';
    case 'too-soon': return `This tee time starts too soon to book online: book at least ${state.course.minNoticeMinutes} minutes ahead, or call the course.`;
    case 'outside-booking-window': return problem.releasesAt
      ? `This tee time is not open for booking yet: it opens ${weekdayAndTime(problem.releasesAt, state.course.timeZone)}.`
      : 'This tee time is not open for booking yet.';
    case 'too-few-players': return `This tee time needs more players: ${detail.replace(/^.*?(at least \d+ players?).*$/s, '$1')}.`;
    case 'not-a-tee-time': return 'That is no longer a tee time of this course: the times may have changed. Choose again.';
    case 'invalid-request':
      if (detail.startsWith('email ')) return 'That email address cannot be used: give one address, such as ann@example.com.';
      if (detail.startsWith('name ')) return 'Please give a name of at most 100 letters.';
      return explain(problem);
    default: return explain(problem);
  }
}

function lockForm(locked) {
  page.name.readOnly = locked;
  page.email.readOnly = locked;
}

async function showBooking(id) {
  const answer = await call('GET', `/api/bookings/${enc(id)}`);
  if (answer.ok) {
    showConfirmation(answer.data);
    return answer.data;
  }
  say(page.message, answer.status === 404 ? 'There is no booking at that link.' : explain(answer.problem), 'error');
  return null;
}

function showConfirmation(booking) {
  state.booking = booking;
  const link = `${location.origin}/?booking=${enc(booking.id)}`;
  page.bookingLink.href = link;
  page.bookingLink.textContent = link;
  const course = Array.from(page.course.options).find((o) => o.value === booking.courseId)?.textContent ?? booking.courseId;
  const round = [
    (state.course?.rounds ?? [18]).length > 1 && booking.holes ? `${booking.holes} holes` : '',
    manyTees() && booking.tee ? `from the ${teeName(booking.tee)}` : '',
    booking.turn ? `turning at ${wallClock(booking.turn.start)} on the ${teeName(booking.turn.tee)}` : '',
  ].filter(Boolean).join(' ');
  const what = `${longDate(booking.start.substring(0, 10))} at ${wallClock(booking.start)}, ${course}, `
    + `${booking.players === 1 ? '1 player' : `${booking.players} players`}${round ? `, ${round}` : ''}, under the name ${booking.name}`;
  page.confirmationText.textContent = { confirmed: `Booked: ${what}.`, 'checked-in': `Checked in: ${what}.`,
    'no-show': `Marked as not played (no-show): ${what}.` }[booking.status] ?? `Cancelled: ${what}.`;
  const price = booking.price
    ? { total: money(booking.price, state.course?.currency ?? 'USD'), each: money(booking.pricePerPlayer, state.course?.currency ?? 'USD') }
    : state.price;
  page.confirmationPrice.hidden = booking.status !== 'confirmed' || !price;
  page.confirmationPrice.textContent = price ? `Price: ${price.total} (${price.each} a player), paid at the course.` : '';
  page.confirmation.dataset.status = booking.status;
  page.cancel.hidden = booking.status !== 'confirmed';
  page.keepLink.hidden = booking.status !== 'confirmed';
  say(page.confirmationMessage, '');
  page.confirmation.hidden = false;
  page.confirmation.focus();
}

/** Asks before a booking is cancelled: one tap must not give a Saturday tee time away. */
function confirmCancel(booking, then) {
  page.cancelQuestion.textContent = `Cancel your booking of ${wallClock(booking.start)} on `
    + `${longDate(booking.start.substring(0, 10))} for ${booking.players === 1 ? '1 player' : `${booking.players} players`}? `
    + 'The spots go back to other golfers.';
  page.cancelYes.onclick = () => {
    page.cancelDialog.close();
    then();
  };
  page.cancelDialog.showModal();
  page.cancelNo.focus();
}

function cancelBooking() {
  if (state.booking) confirmCancel(state.booking, cancelConfirmed);
}

async function cancelConfirmed() {
  const booking = state.booking;
  if (!booking) return;
  page.cancel.disabled = true;
  const answer = await call('DELETE', `/api/bookings/${enc(booking.id)}`);
  page.cancel.disabled = false;
  if (answer.status === 204) {
    showConfirmation({ ...booking, status: 'cancelled' });
    say(page.confirmationMessage, 'Your booking is cancelled: the spots are free again.');
    loadDay();
  } else if (answer.status === 0) {
    say(page.confirmationMessage, 'No answer from the booking system: your booking may not be cancelled yet. Press Cancel again.', 'error');
  } else if (answer.status === 503) {
    say(page.confirmationMessage, 'The booking system is busy, your booking was not cancelled, try again.', 'error');
  } else {
    say(page.confirmationMessage, explain(answer.problem), 'error');
  }
}

wire();
start();
