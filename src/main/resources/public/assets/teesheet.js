// The golfer's tee sheet: choose a course, a day and the party size, see the day's tee times,
// book one and cancel it. Talks only to the public API.
import {
  addDays, call, el, explain, fillSelect, longDate, money, randomKey, say, slug, STATUS_LABELS, teeTimesOf,
  timeIn, timeLabels, todayIn, wallClock,
} from './common.js';

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
};
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
};

async function start() {
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
  if (state.loadingFailed) {
    state.loadingFailed = false;
    say(page.message, '');
  }
  render(answer.data);
}

/** Says why loading failed; when the database is away, tries again when the server says to. */
function failLoading(answer, again) {
  state.loadingFailed = true;
  if (answer.status === 503 || answer.status === 0) {
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
  el('span', { class: 'status' }, STATUS_LABELS[teeTime.status] ?? teeTime.status));
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
  page.dialog.showModal();
  page.name.focus();
}

async function submitBooking() {
  const form = state.form;
  if (!form || form.sending) return;
  const name = page.name.value.trim();
  const email = page.email.value.trim();
  if (!name) {
    say(page.bookingError, 'Please enter the name the booking is under.', 'error');
    page.name.focus();
    return;
  }
  if (email && !email.includes('@')) {
    say(page.bookingError, 'That email address has no @ in it.', 'error');
    page.email.focus();
    return;
  }
  const body = { start: form.teeTime.start, players: form.players, name, ...(email ? { email } : {}) };
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
  } else if (answer.status === 0) {
    tell('No answer from the booking system, so your booking may or may not have been taken. Press Book again to find out: it will not book twice.');
  } else if (kind === 'request-in-progress') {
    tell('Your booking is still being processed. Press Book again in a moment to see how it went.');
  } else if (answer.status === 503) {
    tell(BUSY);
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
