// The golfer's waitlist: join it for a range of the shown day's tee times (signed in), see the
// entries and what came of them, leave one, and book the tee time an offer holds.
import { el, explain, longDate, say, slug } from './common.js';

const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;
/** An entry's status in the golfer's words. */
const STATUS = {
  waiting: 'Waiting', offered: 'A tee time is held for you', lapsed: 'The offer ran out',
  booked: 'Booked', expired: 'No tee time came up',
};

/**
 * The waitlist panel and form. {@code call} calls the API as the golfer; {@code signedIn()} says
 * whether a golfer is; {@code courseName(id)} names a course; {@code openHold(id)} shows an offer's hold.
 */
export function waitlistPanel({ call, signedIn, courseName, openHold }) {
  const page = {
    panel: $('my-waitlist-panel'), list: $('my-waitlist'), none: $('no-my-waitlist'), message: $('my-waitlist-message'),
    form: $('waitlist-form'), from: $('waitlist-from'), until: $('waitlist-until'), join: $('waitlist-join'),
    joinMessage: $('waitlist-message'), signIn: $('waitlist-sign-in'),
  };
  const state = { course: null, date: null, players: 1, holes: null, times: [] };

  page.form.addEventListener('submit', (event) => {
    event.preventDefault();
    join();
  });
  page.from.addEventListener('change', fillUntil);

  /** The shown day: the form offers its tee times; a golfer who is not signed in is told how to wait. */
  function showDay(course, availability, players, holes) {
    state.course = course;
    state.date = availability.from;
    state.players = players;
    state.holes = holes;
    const teeTimes = availability.days?.[0]?.teeTimes ?? [];
    state.times = [...new Set(teeTimes.filter((t) => t.status !== 'blocked').map((t) => t.start.substring(11, 16)))];
    const someFull = teeTimes.some((t) => t.status === 'full');
    page.form.hidden = !signedIn() || state.times.length === 0;
    page.signIn.hidden = signedIn() || !someFull;
    if (!page.form.hidden) {
      const firstFull = teeTimes.find((t) => t.status === 'full')?.start.substring(11, 16);
      const keep = page.from.value;
      page.from.replaceChildren(...state.times.map((time) => el('option', { value: time }, time)));
      page.from.value = state.times.includes(keep) ? keep : firstFull ?? state.times[0];
      fillUntil();
    }
  }

  /** Until: any later tee time (not included), or after the day's last. */
  function fillUntil() {
    const later = state.times.filter((time) => time > page.from.value);
    const options = later.map((time) => el('option', { value: time }, `${time} (not included)`));
    options.push(el('option', { value: '23:59' }, 'the day\'s last tee time (included)'));
    const keep = page.until.value;
    page.until.replaceChildren(...options);
    page.until.value = later.includes(keep) || keep === '23:59' ? keep : later[Math.min(later.length - 1, 5)] ?? '23:59';
  }

  async function join() {
    const body = { date: state.date, from: page.from.value, until: page.until.value, players: state.players,
      ...(state.holes ? { holes: state.holes } : {}) };
    page.join.disabled = true;
    const answer = await call('POST', `/api/courses/${enc(state.course.id)}/waitlist`, { body });
    page.join.disabled = false;
    if (answer.status === 201) {
      say(page.joinMessage, `You are on the waitlist for ${longDate(state.date)}, ${body.from} to `
        + `${body.until === '23:59' ? 'the last tee time' : body.until}, ${body.players === 1 ? '1 player' : `${body.players} players`}. `
        + 'If a tee time opens up, it is held for you and you get an email.');
      load();
    } else if (slug(answer.problem) === 'waitlist-limit') {
      say(page.joinMessage, 'You are already waiting for 3 tee times at this course: leave one (under My waitlist) to join another.', 'error');
    } else if (answer.status === 0 || answer.status === 503) {
      say(page.joinMessage, 'The booking system is busy: you are not on the waitlist yet. Try again.', 'error');
    } else {
      say(page.joinMessage, explain(answer.problem), 'error');
    }
  }

  /** The golfer's entries, each with what can be done with it. */
  async function load() {
    page.panel.hidden = !signedIn();
    if (!signedIn()) return;
    const answer = await call('GET', '/api/me/waitlist');
    if (!answer.ok) {
      say(page.message, explain(answer.problem), 'error');
      return;
    }
    say(page.message, '');
    page.list.replaceChildren(...answer.data.map((entry) => el('li', { class: `waitlist-entry ${entry.status}`, 'data-entry-id': entry.id },
      el('span', {}, `${longDate(entry.date)}, ${entry.from} to ${entry.until === '23:59' ? 'the last tee time' : entry.until} · `
        + `${courseName(entry.courseId)} · ${entry.players === 1 ? '1 player' : `${entry.players} players`} · ${STATUS[entry.status] ?? entry.status}`),
      ' ',
      entry.status === 'offered' && entry.holdId
        ? el('a', { href: `/?hold=${enc(entry.holdId)}`, onclick: (event) => {
          event.preventDefault();
          openHold(entry.holdId);
        } }, 'Book it now') : null,
      ' ',
      entry.status === 'waiting' || entry.status === 'offered'
        ? el('button', { type: 'button', class: 'secondary', onclick: () => leave(entry) },
          `Leave the waitlist for ${longDate(entry.date)} from ${entry.from}`) : null)));
    page.none.hidden = answer.data.length > 0;
  }

  async function leave(entry) {
    const answer = await call('DELETE', `/api/waitlist/${enc(entry.id)}`);
    if (answer.status === 204) {
      say(page.message, `You left the waitlist for ${longDate(entry.date)} from ${entry.from}.`);
      load();
    } else {
      say(page.message, answer.status === 0 || answer.status === 503
        ? 'The booking system is busy: you are still on the waitlist. Try again.' : explain(answer.problem), 'error');
    }
  }

  return { showDay, load };
}
