// The golfer's tee sheet: choose a course, a day and the party size, see the day's tee times,
// book one and cancel it; sign in by emailed code to book without retyping, see "my bookings",
// and watch a day count down to its release. Talks only to the public and golfer API.
import {
  addDays, countdown, el, explain, fillSelect, longDate, money, randomKey, say, slug, STATUS_LABELS, teeTimesOf,
  timeIn, timeLabels, todayIn, wallClock, weekdayAndTime,
} from './common.js';
import { forget, golfer, golferCall, remember, signedIn } from './golfer.js';

const $ = (id) => document.getElementById(id);
const page = {
  picker: $('day-picker'), course: $('course'), date: $('date'), players: $('players'),
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
  myPanel: $('my-bookings-panel'), mine: $('my-bookings'), noMine: $('no-my-bookings'), mineMessage: $('my-bookings-message'),
};
const ENDED = 'Your sign-in has ended: sign in again to book as yourself.';
/** Every API call goes with the golfer's token, when there is one. */
const call = (method, path, options) => golferCall(method, path, options, () => {
  showAccount();
  say(page.accountMessage, ENDED, 'error');
});
const BUSY = 'The booking system is busy, your booking was not taken, try again.';
const enc = encodeURIComponent;

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
};

async function start() {
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
  const bookingId = params.get('booking');
  if (bookingId) {
    const booking = await showBooking(bookingId);
    if (booking) {
      page.course.value = booking.courseId;
      date = booking.start.substring(0, 10);
    }
  }
  await selectCourse(page.course.value, date, params.get('players'));
}

function wire() {
  page.picker.addEventListener('submit', (event) => event.preventDefault());
  page.course.addEventListener('change', () => selectCourse(page.course.value, page.date.value, page.players.value));
  page.date.addEventListener('change', () => {
    if (page.date.value) {
      page.date.value = withinWindow(page.date.value);
      loadDay();
    }
  });
  page.previous.addEventListener('click', () => moveDays(-1));
  page.next.addEventListener('click', () => moveDays(1));
  page.players.addEventListener('change', loadDay);
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
    const start = state.form?.teeTime.start;
    state.form = null;
    if (document.activeElement === document.body) {
      page.teeTimes.querySelector(`[data-start="${start}"] button`)?.focus(); // back where the keyboard was
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
  if (who) {
    page.signedInAs.textContent = `Signed in as ${who.name ?? who.email}`;
    loadMine();
  } else {
    page.codeForm.hidden = state.signInEmail === null;
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
    say(page.accountMessage, `We emailed a 6-digit code to ${email}. It works once, for 10 minutes.`);
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
      + `${b.players === 1 ? '1 player' : `${b.players} players`}${b.status === 'cancelled' ? ' · cancelled' : ''}`), ' ',
    b.status === 'confirmed'
      ? el('button', { type: 'button', class: 'secondary', onclick: () => cancelMine(b) },
        `Cancel ${wallClock(b.start)} on ${longDate(b.start.substring(0, 10))}`)
      : null)));
  page.noMine.hidden = answer.data.length > 0;
}

async function cancelMine(booking) {
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

async function selectCourse(id, date, players) {
  const answer = await call('GET', `/api/courses/${enc(id)}`);
  if (!answer.ok) {
    failLoading(answer, () => selectCourse(id, date, players));
    return;
  }
  state.course = answer.data;
  state.today = todayIn(state.course.timeZone);
  state.lastDay = addDays(state.today, state.course.bookingWindowDays);
  page.date.min = state.today;
  page.date.max = state.lastDay;
  page.date.value = withinWindow(date || state.today);
  const sizes = Array.from({ length: state.course.maxPlayersPerTeeTime }, (_, i) => i + 1);
  fillSelect(page.players, sizes.map((n) => ({ value: n, label: n === 1 ? '1 player' : `${n} players` })), players ?? 1);
  await loadDay();
}

function withinWindow(date) {
  if (date < state.today) return state.today;
  return date > state.lastDay ? state.lastDay : date;
}

function moveDays(days) {
  page.date.value = withinWindow(addDays(page.date.value || state.today, days));
  loadDay();
}

async function loadDay() {
  if (!state.course || !page.date.value) return;
  clearTimeout(state.retryTimer);
  const sequence = ++state.sequence;
  const date = page.date.value;
  const players = page.players.value || '1';
  page.previous.disabled = date <= state.today;
  page.next.disabled = date >= state.lastDay;
  const params = { course: state.course.id, date, players };
  if (state.booking && !page.confirmation.hidden) params.booking = state.booking.id;
  history.replaceState(null, '', `?${new URLSearchParams(params)}`);
  page.teeTimes.setAttribute('aria-busy', 'true');
  const answer = await call('GET',
    `/api/courses/${enc(state.course.id)}/availability?from=${date}&to=${date}&players=${players}`);
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
  page.zoneNote.textContent = `Times are the course's local time (${availability.timeZone}); prices are per player.`;
  if (availability.stale) {
    say(page.stale, `Fairway cannot reach its database right now: the times shown are as of ${timeIn(availability.asOf, availability.timeZone)} and may be out of date.`, 'warning');
  } else {
    say(page.stale, '');
  }
  const teeTimes = teeTimesOf(availability);
  const labels = timeLabels(teeTimes);
  page.teeTimes.replaceChildren(...teeTimes.map((t) => teeTimeItem(t, labels.get(t.start), availability)));
  page.teeTimes.dataset.date = availability.from;
  page.teeTimes.dataset.players = availability.players;
  page.none.hidden = teeTimes.length > 0;
  watchRelease(teeTimes.find((t) => t.releasesAt)?.releasesAt, availability);
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

function teeTimeItem(teeTime, label, availability) {
  const max = state.course.maxPlayersPerTeeTime;
  const price = teeTime.rate ? `${money(teeTime.rate.pricePerPlayer, availability.currency)} · ${teeTime.rate.name}` : 'No price';
  const button = el('button', {
    type: 'button', class: 'slot', disabled: teeTime.status !== 'open',
    onclick: () => openForm(teeTime, label, availability),
  },
  el('span', { class: 'time' }, label),
  el('span', { class: 'spots' }, `${teeTime.available} of ${max} spots left`),
  el('span', { class: 'price' }, price),
  el('span', { class: 'status' }, teeTime.releasesAt
    ? `Opens ${weekdayAndTime(teeTime.releasesAt, availability.timeZone)}` : STATUS_LABELS[teeTime.status] ?? teeTime.status));
  return el('li', {
    class: `tee-time ${teeTime.status}`, 'data-start': teeTime.start, 'data-status': teeTime.status,
    'data-available': teeTime.available,
  }, button);
}

function openForm(teeTime, label, availability) {
  const players = Number(page.players.value);
  // One key per form: a double click or a retry of this form sends the same key, so it books once.
  state.form = { courseId: state.course.id, teeTime, players, key: randomKey(), sentBody: null, unknown: false, sending: false };
  page.bookingTitle.textContent = `Book ${label} on ${longDate(availability.from)}`;
  const total = teeTime.rate
    ? `, ${money(Number(teeTime.rate.pricePerPlayer) * players, availability.currency)} in all` : '';
  page.summary.textContent = `${players === 1 ? '1 player' : `${players} players`} at ${state.course.name}${total}.`;
  say(page.bookingError, '');
  lockForm(false);
  const who = signedIn() ? golfer() : null;
  page.nameField.hidden = who !== null;
  page.emailField.hidden = who !== null;
  page.bookingAs.hidden = who === null;
  page.bookingAs.textContent = who ? `Booking as ${who.name ?? who.email} (${who.email}).` : '';
  page.dialog.showModal();
  (who ? page.book : page.name).focus();
}

async function submitBooking() {
  const form = state.form;
  if (!form || form.sending) return;
  const asGolfer = signedIn();
  const name = asGolfer ? '' : page.name.value.trim();
  const email = asGolfer ? '' : page.email.value.trim();
  if (!asGolfer && !name) {
    say(page.bookingError, 'Please enter the name the booking is under.', 'error');
    page.name.focus();
    return;
  }
  if (email && !email.includes('@')) {
    say(page.bookingError, 'That email address has no @ in it.', 'error');
    page.email.focus();
    return;
  }
  // A signed-in golfer's booking leaves name and email out: the golfer's are used.
  const body = { start: form.teeTime.start, players: form.players, ...(name ? { name } : {}), ...(email ? { email } : {}) };
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
    tell(explain(answer.problem));
  } else {
    // full, blocked, too-soon, outside the window, no longer a tee time: not bookable as asked.
    if (open) page.dialog.close();
    say(page.message, explain(answer.problem), 'error');
    loadDay();
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
  const what = `${longDate(booking.start.substring(0, 10))} at ${wallClock(booking.start)}, ${course}, `
    + `${booking.players === 1 ? '1 player' : `${booking.players} players`}, under the name ${booking.name}`;
  page.confirmationText.textContent = booking.status === 'confirmed' ? `Booked: ${what}.` : `Cancelled: ${what}.`;
  page.confirmation.dataset.status = booking.status;
  page.cancel.hidden = booking.status !== 'confirmed';
  say(page.confirmationMessage, '');
  page.confirmation.hidden = false;
  page.confirmation.focus();
}

async function cancelBooking() {
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
