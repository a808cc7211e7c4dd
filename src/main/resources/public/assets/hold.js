// A tee time held for the golfer, opened from the link in a waitlist offer's email (/?hold=<id>):
// what is held, how long it is kept, and a form to book it or let it go. The countdown follows the
// server's clock; the hold ends on the server at its expiresAt whatever this page shows.
import { explain, longDate, randomKey, say, slug, teeName, wallClock } from './common.js';

const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;

/**
 * The hold panel. {@code call(method, path, options)} calls the API as the golfer; {@code now()}
 * is the server's time in ms; {@code courseName(id)} names a course; {@code golfer()} is the
 * signed-in golfer or null; {@code booked(booking)} shows the booking a confirmed hold became.
 */
export function holdPanel({ call, now, courseName, golfer, booked }) {
  const page = {
    root: $('hold'), text: $('hold-text'), left: $('hold-left'), warning: $('hold-warning'), form: $('hold-form'),
    name: $('hold-name'), confirm: $('hold-confirm'), release: $('hold-release'), message: $('hold-message'),
  };
  const state = { hold: null, timer: null, key: null, warned: false, sending: false };

  page.form.addEventListener('submit', (event) => {
    event.preventDefault();
    confirm();
  });
  page.release.addEventListener('click', release);

  /** Opens the hold with this id; answers it, or null when there is none. */
  async function open(id) {
    const answer = await call('GET', `/api/holds/${enc(id)}`);
    if (!answer.ok) {
      show(null);
      say(page.message, answer.status === 404 ? 'There is no tee time held at that link.' : explain(answer.problem), 'error');
      return null;
    }
    const hold = answer.data;
    if (hold.status === 'confirmed' && hold.bookingId) {
      const booking = await call('GET', `/api/bookings/${enc(hold.bookingId)}`);
      if (booking.ok) {
        page.root.hidden = true;
        booked(booking.data);
        return hold;
      }
    }
    show(hold);
    return hold;
  }

  function show(hold) {
    clearInterval(state.timer);
    state.hold = hold;
    state.key = randomKey();
    state.warned = false;
    page.root.hidden = false;
    say(page.message, '');
    say(page.warning, '');
    if (!hold) {
      page.text.textContent = '';
      page.left.textContent = '';
      page.form.hidden = true;
      return;
    }
    const round = [hold.holes ? `${hold.holes} holes` : '', hold.tee && hold.tee !== '1' ? `from the ${teeName(hold.tee)}` : '',
      hold.turn ? `turning at ${wallClock(hold.turn.start)} on the ${teeName(hold.turn.tee)}` : ''].filter(Boolean).join(' ');
    page.text.textContent = `${longDate(hold.start.substring(0, 10))} at ${wallClock(hold.start)}, ${courseName(hold.courseId)}, `
      + `${hold.players === 1 ? '1 player' : `${hold.players} players`}${round ? `, ${round}` : ''}.`;
    const who = golfer();
    if (who && !page.name.value) page.name.value = who.name ?? '';
    if (hold.status === 'held') {
      page.form.hidden = false;
      tick();
      state.timer = setInterval(tick, 1000);
      page.root.focus();
    } else {
      ended(hold.status === 'released' ? 'You let this tee time go: it is free for other golfers again.'
        : 'This hold has ended, and the tee time went back to other golfers. If it is still open below, book it there.');
    }
  }

  /** The time left, to the second; a warning once, with a minute to go. */
  function tick() {
    const left = Date.parse(state.hold.expiresAt) - now();
    if (left <= 0) {
      ended('This hold has ended, and the tee time went back to other golfers. If it is still open below, book it there.');
      return;
    }
    const seconds = Math.ceil(left / 1000);
    const clock = `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, '0')}`;
    page.left.textContent = `Held for you until ${wallClock(state.hold.expiresAt)}: ${clock} left to book it.`;
    if (seconds <= 60 && !state.warned) {
      state.warned = true;
      say(page.warning, 'Less than a minute left to book this tee time.', 'warning');
    }
  }

  function ended(text) {
    clearInterval(state.timer);
    page.form.hidden = true;
    page.left.textContent = '';
    say(page.warning, '');
    say(page.message, text);
  }

  async function confirm() {
    const hold = state.hold;
    if (!hold || state.sending) return;
    const name = page.name.value.trim();
    if (!name && !golfer()) {
      say(page.message, 'Please enter the name the booking is under.', 'error');
      page.name.focus();
      return;
    }
    state.sending = true;
    page.confirm.disabled = true;
    page.confirm.textContent = 'Booking…';
    const answer = await call('POST', `/api/holds/${enc(hold.id)}/confirm`,
      { body: name ? { name } : {}, headers: { 'Idempotency-Key': state.key } });
    state.sending = false;
    page.confirm.disabled = false;
    page.confirm.textContent = 'Book it';
    if (answer.status === 201 || answer.status === 200) {
      clearInterval(state.timer);
      page.root.hidden = true;
      booked(answer.data);
    } else if (slug(answer.problem) === 'hold-expired') {
      ended('Too late: this hold ended before it was booked, and the tee time went back to other golfers.');
    } else if (answer.status === 0 || answer.status === 503) {
      say(page.message, 'No answer from the booking system, so the tee time may or may not be booked. Press Book it '
        + 'again to find out: it will not book twice.', 'error');
    } else {
      say(page.message, explain(answer.problem), 'error');
    }
  }

  async function release() {
    const hold = state.hold;
    if (!hold) return;
    const answer = await call('DELETE', `/api/holds/${enc(hold.id)}`);
    if (answer.status === 204) {
      ended('You let this tee time go: it is free for other golfers again.');
    } else {
      say(page.message, answer.status === 0 || answer.status === 503
        ? 'No answer from the booking system: press Let it go again.' : explain(answer.problem), 'error');
    }
  }

  return { open };
}
