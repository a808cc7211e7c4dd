// The draw of a day whose tee times open to the golfer's class by a draw: when entries close,
// the golfer's entry (up to five tee times, in order), and, for anyone, what makes the draw
// checkable: its seed's SHA-256 before, its seed, order and outcomes after.
import { el, explain, say, slug, weekdayAndTime, wallClock, teeName } from './common.js';

const $ = (id) => document.getElementById(id);
const enc = encodeURIComponent;
const ORDINALS = ['1st', '2nd', '3rd', '4th', '5th'];

/**
 * The draw panel. {@code call} calls the API as the golfer; {@code signedIn()} says whether one is.
 */
export function drawPanel({ call, signedIn }) {
  const page = {
    root: $('draw'), when: $('draw-when'), form: $('draw-form'), choices: $('draw-choices'), enter: $('draw-enter'),
    signIn: $('draw-sign-in'), entry: $('draw-entry'), withdraw: $('draw-withdraw'), message: $('draw-message'),
    check: $('draw-check'), results: $('draw-results'),
  };
  const state = { course: null, date: null, bookingClass: null, players: 1, holes: null, entry: null, teeTimes: [], draw: null };

  page.form.addEventListener('submit', (event) => {
    event.preventDefault();
    enter();
  });
  page.withdraw.addEventListener('click', withdraw);

  /** The shown day: the panel when the golfer's class draws it, else nothing. */
  async function showDay(course, availability, players, holes) {
    const rules = (course.bookingClasses ?? []).find((c) => c.name === availability.bookingClass);
    if (rules?.releaseMode !== 'draw') {
      page.root.hidden = true;
      return;
    }
    Object.assign(state, { course, date: availability.from, bookingClass: rules.name, players, holes });
    state.teeTimes = (availability.days?.[0]?.teeTimes ?? []).filter((t) => t.status !== 'blocked');
    const answer = await call('GET', `/api/courses/${enc(course.id)}/draws/${availability.from}?bookingClass=${enc(rules.name)}`);
    page.root.hidden = false;
    say(page.message, '');
    if (answer.status === 409 && slug(answer.problem) === 'entries-not-open') {
      page.when.textContent = `These tee times open by a draw. Entries open ${weekdayAndTime(answer.problem.opensAt, course.timeZone)}.`;
      show(null, null);
      return;
    }
    if (!answer.ok) {
      page.when.textContent = '';
      say(page.message, explain(answer.problem), 'error');
      return;
    }
    const draw = answer.data;
    const at = weekdayAndTime(draw.drawAt, course.timeZone);
    page.when.textContent = draw.status === 'done'
      ? `These tee times were drawn ${at} among ${draw.entries} ${draw.entries === 1 ? 'entry' : 'entries'}; what is left is first come, first served.`
      : `These tee times open by a draw ${at}, not to the fastest click: entries open until then (${draw.entries} so far).`;
    const mine = signedIn() ? await call('GET', '/api/me/entries') : null;
    state.entry = mine?.ok ? mine.data.find((e) => e.courseId === course.id && e.date === availability.from) ?? null : null;
    state.draw = draw;
    show(draw, state.entry);
  }

  function show(draw, entry) {
    const open = draw !== null && draw.status === 'open';
    page.form.hidden = !open || !signedIn();
    page.signIn.hidden = !open || signedIn();
    page.withdraw.hidden = !open || !entry;
    page.entry.hidden = !entry;
    if (entry) page.entry.textContent = entryWords(entry, draw);
    if (open && signedIn()) fillChoices(entry);
    fairness(draw);
  }

  function entryWords(entry, draw) {
    const choices = entry.preferences.map((p) => wallClock(p.start)).join(', ');
    if (entry.outcome === 'won') {
      return `You won a tee time in the draw (your entry came ${entry.position} of ${draw?.entries ?? 'all'}): it is under My bookings.`;
    }
    if (entry.outcome === 'lost') {
      return `The draw gave you none of your choices this time (you came ${entry.position} of ${draw?.entries ?? 'all'}).`;
    }
    return `You are in the draw for ${entry.players === 1 ? '1 player' : `${entry.players} players`}, choosing ${choices}, in that order.`;
  }

  function fillChoices(entry) {
    const options = state.teeTimes.map((t) => ({ value: `${t.start}|${t.tee ?? '1'}`,
      label: `${wallClock(t.start)}${t.tee && t.tee !== '1' ? ` from the ${teeName(t.tee)}` : ''}` }));
    const chosen = entry?.preferences.map((p) => `${p.start}|${p.tee ?? '1'}`) ?? [];
    page.choices.replaceChildren(...ORDINALS.map((ordinal, i) => {
      const id = `draw-choice-${i}`;
      const select = el('select', { id, name: id }, el('option', { value: '' }, i === 0 ? 'Choose a tee time' : 'No more'),
        ...options.map((o) => el('option', { value: o.value }, o.label)));
      select.value = chosen[i] ?? '';
      return el('div', { class: 'field' }, el('label', { for: id }, `${ordinal} choice`), select);
    }));
    page.enter.textContent = entry ? 'Change my entry' : 'Enter the draw';
  }

  async function enter() {
    const picked = [...page.choices.querySelectorAll('select')].map((s) => s.value).filter(Boolean);
    const unique = [...new Set(picked)];
    if (unique.length === 0) {
      say(page.message, 'Choose at least one tee time.', 'error');
      return;
    }
    const body = { date: state.date, players: state.players, ...(state.holes ? { holes: state.holes } : {}),
      preferences: unique.map((v) => ({ start: v.split('|')[0], tee: v.split('|')[1] })) };
    page.enter.disabled = true;
    const answer = await call('POST', `/api/courses/${enc(state.course.id)}/entries`, { body });
    page.enter.disabled = false;
    if (answer.ok) {
      state.entry = answer.data;
      say(page.message, answer.status === 201 ? 'You are in the draw.' : 'Your entry is changed.');
      show(state.draw, state.entry);
    } else {
      say(page.message, explain(answer.problem), 'error');
    }
  }

  async function withdraw() {
    if (!state.entry) return;
    const answer = await call('DELETE', `/api/entries/${enc(state.entry.id)}`);
    if (answer.status === 204) {
      state.entry = null;
      say(page.message, 'Your entry is withdrawn.');
      show(state.draw, null);
    } else {
      say(page.message, explain(answer.problem), 'error');
    }
  }

  /** What anyone needs to check the draw: the seed's hash before, the seed and the order after. */
  function fairness(draw) {
    if (!draw || !draw.seedSha256) {
      page.check.textContent = 'The draw\'s seed is fixed when entries open, and its SHA-256 shown here from then on.';
      page.results.replaceChildren();
      return;
    }
    const address = `${location.origin}/api/courses/${enc(state.course.id)}/draws/${state.date}?bookingClass=${enc(state.bookingClass)}`;
    if (draw.status !== 'done') {
      page.check.textContent = `The draw's secret seed is fixed: its SHA-256 is ${draw.seedSha256}. After the draw the seed itself `
        + 'is shown, so anyone can check it is this one and that the order came from it, not from who was fastest.';
      page.results.replaceChildren();
      return;
    }
    page.check.textContent = `Seed ${draw.seed} (its SHA-256, shown before the draw: ${draw.seedSha256}). To check: the SHA-256 `
      + 'of the seed\'s 32 bytes must be that hash, and sorting the entries by HMAC-SHA256(seed, entry id) gives the order '
      + `below; "java -jar fairway.jar verify-draw ${address}" checks both.`;
    page.results.replaceChildren(...(draw.results ?? []).map((r) => el('li', {},
      `${r.position}. entry ${r.entryId}: ${r.outcome === 'won' ? 'won' : 'no tee time'}`)));
  }

  return { showDay };
}
