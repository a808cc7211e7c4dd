// The staff page: with the admin token, the day's tee sheet (kept up to date by polling), blocks,
// phone bookings, members, course settings and the outbox. The token lives in this tab's session
// storage only.
import {
  addDays, call, el, explain, fillSelect, longDate, randomKey, say, teeName, teeTimesOf, timeIn,
  timeLabels, todayIn, wallClock,
} from './common.js';
import { courseSettings } from './course-settings.js';
import { staffSheet } from './staff-sheet.js';

const TOKEN_KEY = 'fairway.adminToken';
const $ = (id) => document.getElementById(id);
const page = {
  signIn: $('sign-in'), token: $('token'), signInError: $('sign-in-error'), signOut: $('sign-out'),
  workspace: $('workspace'), picker: $('day-picker'), course: $('course'), date: $('date'),
  previous: $('previous-day'), next: $('next-day'), refresh: $('refresh'),
  stale: $('stale-banner'), message: $('message'),
  blocks: $('blocks'), noBlocks: $('no-blocks'), blockForm: $('block-form'), blockReason: $('block-reason'),
  blockFrom: $('block-from'), blockUntil: $('block-until'), blockTees: $('block-tees'), blockTeesField: $('block-tees-field'),
  phoneHoles: $('phone-holes'), phoneHolesField: $('phone-holes-field'),
  dayTitle: $('day-title'), zoneNote: $('zone-note'), sheet: $('tee-sheet'), none: $('no-tee-times'),
  columns: $('sheet-columns'), toNow: $('to-now'),
  outbox: $('outbox'), outboxStatus: $('outbox-status'), outboxRefresh: $('outbox-refresh'),
  outboxEmpty: $('outbox-empty'), outboxMessage: $('outbox-message'), outboxPicker: $('outbox-picker'),
  members: $('members'), noMembers: $('no-members'), membersMessage: $('members-message'),
  memberForm: $('member-form'), memberEmail: $('member-email'), memberName: $('member-name'),
  memberClass: $('member-class'), addMember: $('add-member'),
  phoneForm: $('phone-form'), phoneStart: $('phone-start'), phonePlayers: $('phone-players'), phoneName: $('phone-name'),
  phoneEmail: $('phone-email'), phoneBook: $('phone-book'), settings: $('settings'),
  waitlist: $('waitlist'), noWaitlist: $('no-waitlist'),
};
/** A waitlist entry's status as the staff say it. */
const WAITLIST_STATUS = {
  waiting: 'waiting', offered: 'offered a tee time, not yet booked', lapsed: 'offer not taken in time',
  booked: 'booked from the waitlist', expired: 'its times have gone by',
};
const EMAIL_STATUS = { pending: 'waiting', sent: 'sent', failed: 'failed', cancelled: 'called off' };
const enc = encodeURIComponent;
const state = {
  course: null, sequence: 0, teeTimes: [], labels: new Map(), loadFailed: false, phoneKey: null, etag: null, polling: false,
  loading: 0,
};
/**
 * How often the sheet is asked again. Polling with If-None-Match rather than a pushed stream: a
 * course has a few staff tabs, an unchanged day costs one indexed read and a 304, it passes every
 * proxy, and no connection is held open against the server's connection limits.
 */
const POLL_MS = 5000;

function token() {
  return sessionStorage.getItem(TOKEN_KEY);
}

/** An admin API call; a refused token signs the tab out. */
async function adminCall(method, path, options = {}) {
  const answer = await call(method, path,
    { ...options, headers: { ...options.headers, Authorization: `Bearer ${token()}` } });
  if (answer.status === 401) {
    signOut('The admin token was refused: sign in again.');
  }
  return answer;
}

function wire() {
  page.signIn.addEventListener('submit', (event) => {
    event.preventDefault();
    signIn();
  });
  page.signOut.addEventListener('click', () => signOut(''));
  page.picker.addEventListener('submit', (event) => event.preventDefault());
  page.course.addEventListener('change', () => selectCourse(page.course.value));
  page.date.addEventListener('change', loadDay);
  page.previous.addEventListener('click', () => moveDays(-1));
  page.next.addEventListener('click', () => moveDays(1));
  page.refresh.addEventListener('click', loadDay);
  page.toNow.addEventListener('click', goToNow);
  page.blockFrom.addEventListener('change', fillUntil);
  page.outboxPicker.addEventListener('submit', (event) => event.preventDefault());
  page.outboxStatus.addEventListener('change', loadOutbox);
  page.outboxRefresh.addEventListener('click', loadOutbox);
  page.blockForm.addEventListener('submit', (event) => {
    event.preventDefault();
    addBlock();
  });
  page.memberForm.addEventListener('submit', (event) => {
    event.preventDefault();
    saveMember();
  });
  page.phoneForm.addEventListener('submit', (event) => {
    event.preventDefault();
    bookPhoneIn();
  });
  // A changed phone-in form is a new booking: a new Idempotency-Key.
  page.phoneForm.addEventListener('input', () => { state.phoneKey = null; });
}

async function signIn() {
  const candidate = page.token.value.trim();
  if (!candidate) {
    say(page.signInError, 'Enter the admin token.', 'error');
    return;
  }
  const courses = await call('GET', '/api/courses');
  if (!courses.ok) {
    say(page.signInError, courses.status === 503 ? 'The booking system is busy: try again in a moment.' : explain(courses.problem), 'error');
    return;
  }
  if (courses.data.length === 0) {
    say(page.signInError, 'There are no courses yet: create one with PUT /api/courses/{id}.', 'error');
    return;
  }
  // Any admin call checks the token; this one also proves the database answers.
  const check = await call('GET', `/api/courses/${enc(courses.data[0].id)}/bookings?date=${todayIn(courses.data[0].timeZone)}`,
    { headers: { Authorization: `Bearer ${candidate}` } });
  if (check.status === 401) {
    say(page.signInError, 'That admin token is not right.', 'error');
    return;
  }
  if (!check.ok) {
    say(page.signInError, check.status === 503 ? 'The booking system is busy: try again in a moment.' : explain(check.problem), 'error');
    return;
  }
  sessionStorage.setItem(TOKEN_KEY, candidate);
  page.token.value = '';
  say(page.signInError, '');
  enter(courses.data);
}

function signOut(why) {
  sessionStorage.removeItem(TOKEN_KEY);
  page.workspace.hidden = true;
  page.signOut.hidden = true;
  page.signIn.hidden = false;
  say(page.signInError, why, 'error');
  page.token.focus();
}

async function enter(known) {
  page.signIn.hidden = true;
  page.workspace.hidden = false;
  page.signOut.hidden = false;
  let courses = known;
  if (!courses) {
    const answer = await call('GET', '/api/courses');
    if (!answer.ok) {
      say(page.message, explain(answer.problem), 'error');
      return;
    }
    courses = answer.data;
  }
  const params = new URLSearchParams(location.search);
  fillSelect(page.course, courses.map((c) => ({ value: c.id, label: c.name })), params.get('course') ?? page.course.value);
  if (params.get('date') && !page.date.value) page.date.value = params.get('date');
  await selectCourse(page.course.value);
}

async function selectCourse(id) {
  const answer = await call('GET', `/api/courses/${enc(id)}`);
  if (!answer.ok) {
    say(page.message, explain(answer.problem), 'error');
    return;
  }
  state.course = answer.data;
  if (!page.date.value) page.date.value = todayIn(state.course.timeZone);
  fillSelect(page.phonePlayers, Array.from({ length: state.course.maxPlayersPerTeeTime }, (_, i) => ({
    value: i + 1, label: i === 0 ? '1 player' : `${i + 1} players` })), page.phonePlayers.value || 1);
  const rounds = [...(state.course.rounds ?? [18])].sort((a, b) => b - a);
  fillSelect(page.phoneHoles, rounds.map((n) => ({ value: n, label: `${n} holes` })), rounds[0]);
  page.phoneHolesField.hidden = rounds.length < 2;
  fillSelect(page.blockTees, [{ value: '', label: 'All tees' },
    ...tees().map((t) => ({ value: t.name, label: `The ${teeName(t.name)} only` }))], '');
  page.blockTeesField.hidden = tees().length < 2;
  showSettings();
  await Promise.all([loadDay(), loadMembers()]);
}

function showSettings() {
  courseSettings(page.settings, state.course,
    (patch) => adminCall('PATCH', `/api/courses/${enc(state.course.id)}`,
      { body: patch, headers: { 'Content-Type': 'application/merge-patch+json' } }),
    (course) => {
      state.course = course;
      loadDay();
    });
}

/** A booking for someone on the phone: any name, the email optional, as staff (no release, no limits). */
async function bookPhoneIn() {
  const name = page.phoneName.value.trim();
  const email = page.phoneEmail.value.trim();
  if (!name) {
    say(page.message, 'Give the name the booking is under.', 'error');
    page.phoneName.focus();
    return;
  }
  state.phoneKey ??= randomKey();
  const players = Number(page.phonePlayers.value);
  const [tee, start] = page.phoneStart.value.includes('|') ? page.phoneStart.value.split('|') : ['1', page.phoneStart.value];
  const round = page.phoneHolesField.hidden ? {} : { holes: Number(page.phoneHoles.value) };
  page.phoneBook.disabled = true;
  const answer = await adminCall('POST', `/api/courses/${enc(state.course.id)}/bookings`, {
    body: { start, ...(manyTees() ? { tee } : {}), players, name, ...round, ...(email ? { email } : {}) },
    headers: { 'Idempotency-Key': state.phoneKey } });
  page.phoneBook.disabled = false;
  const when = (state.labels.get(start) ?? wallClock(start)) + (manyTees() ? ` on the ${teeName(tee)}` : '')
    + (answer.data?.turn ? `, turning at ${wallClock(answer.data.turn.start)} on the ${teeName(answer.data.turn.tee)}` : '');
  if (answer.status === 201) {
    state.phoneKey = null;
    page.phoneName.value = '';
    page.phoneEmail.value = '';
    say(page.message, `Booked ${when} for ${name}, ${players === 1 ? '1 player' : `${players} players`}`
      + `${email ? `; a confirmation goes to ${email}` : ''}. The booking's link: ${location.origin}/?booking=${answer.data.id}`);
    loadDay();
  } else if (answer.status !== 401) {
    say(page.message, answer.status === 503 || answer.status === 0
      ? 'The booking system is busy: press Book again (it will not book twice).' : `Not booked: ${explain(answer.problem)}`, 'error');
  }
}

/** The course's member classes: every class but public. */
function memberClasses() {
  return (state.course.bookingClasses ?? []).map((c) => c.name).filter((name) => name !== 'public');
}

async function loadMembers() {
  if (!state.course || !token()) return;
  const classes = memberClasses();
  fillSelect(page.memberClass, classes.map((name) => ({ value: name, label: name })), page.memberClass.value);
  page.addMember.disabled = classes.length === 0;
  const answer = await adminCall('GET', `/api/courses/${enc(state.course.id)}/members`);
  if (!answer.ok) {
    if (answer.status !== 401) say(page.membersMessage, explain(answer.problem), 'error');
    return;
  }
  say(page.membersMessage, classes.length === 0
    ? 'This course has no member classes: add bookingClasses to the course to have members.' : '');
  page.members.replaceChildren(...answer.data.map((m) => el('li', { class: 'member', 'data-email': m.email },
    el('span', {}, `${m.name ? `${m.name} · ` : ''}${m.email} · ${m.bookingClass}`), ' ',
    el('button', { type: 'button', class: 'secondary', onclick: () => removeMember(m) }, `Remove ${m.email}`))));
  page.noMembers.hidden = answer.data.length > 0;
}

async function saveMember() {
  const email = page.memberEmail.value.trim();
  if (!email.includes('@')) {
    say(page.membersMessage, 'Enter the member\'s email address.', 'error');
    page.memberEmail.focus();
    return;
  }
  const name = page.memberName.value.trim();
  const answer = await adminCall('PUT', `/api/courses/${enc(state.course.id)}/members/${enc(email)}`,
    { body: { bookingClass: page.memberClass.value, ...(name ? { name } : {}) } });
  if (answer.ok) {
    say(page.membersMessage, `${answer.data.email} is a member (${answer.data.bookingClass}).`);
    page.memberEmail.value = '';
    page.memberName.value = '';
    loadMembers();
  } else if (answer.status !== 401) {
    say(page.membersMessage, explain(answer.problem), 'error');
  }
}

async function removeMember(member) {
  const answer = await adminCall('DELETE', `/api/courses/${enc(state.course.id)}/members/${enc(member.email)}`);
  if (answer.status === 204 || answer.status === 404) {
    say(page.membersMessage, `${member.email} is no longer a member.`);
    loadMembers();
  } else if (answer.status !== 401) {
    say(page.membersMessage, explain(answer.problem), 'error');
  }
}

function moveDays(days) {
  page.date.value = addDays(page.date.value || todayIn(state.course.timeZone), days);
  loadDay();
}

/** The whole day again: the sheet, what golfers can start (for the forms) and the blocks. */
async function loadDay() {
  if (!state.course || !page.date.value || !token()) return;
  const sequence = ++state.sequence;
  const course = state.course.id;
  const date = page.date.value;
  state.loading = sequence;
  history.replaceState(null, '', `?${new URLSearchParams({ course, date })}`);
  // Nine holes, where the course plays them, list every start without the turn's conditions.
  const holes = (state.course.rounds ?? [18]).includes(9) ? '&holes=9' : '';
  const [sheet, availability, blocks, waitlist] = await Promise.all([
    adminCall('GET', `/api/courses/${enc(course)}/sheet?date=${date}`),
    call('GET', `/api/courses/${enc(course)}/availability?from=${date}&to=${date}&players=1${holes}`),
    adminCall('GET', `/api/courses/${enc(course)}/blocks?from=${date}&to=${addDays(date, 1)}`),
    adminCall('GET', `/api/courses/${enc(course)}/waitlist?date=${date}`),
  ]);
  if (sequence !== state.sequence || !token()) return;
  state.loading = 0;
  const failed = [sheet, availability, blocks, waitlist].find((a) => !a.ok);
  if (failed) {
    state.loadFailed = true;
    say(page.message, failed.status === 503 || failed.status === 0
      ? 'The booking system is busy: the day cannot be shown right now. Press Refresh to try again.'
      : explain(failed.problem), 'error');
    return;
  }
  // What the last action said stays until the next one; only a failure to load is cleared here.
  if (state.loadFailed) {
    state.loadFailed = false;
    say(page.message, '');
  }
  state.etag = sheet.etag;
  render(availability.data, sheet.data, blocks.data);
  renderWaitlist(waitlist.data);
  loadOutbox();
}

/** Asks whether the day changed (another tab, a golfer, the API); loads it again when it did. */
async function poll() {
  // Not while the day is loading: its answer brings the new ETag, and a poll now would load it twice.
  if (state.polling || state.loading || document.hidden || !state.course || !state.etag || !token()) return;
  state.polling = true;
  const sequence = state.sequence;
  const answer = await adminCall('GET', `/api/courses/${enc(state.course.id)}/sheet?date=${page.date.value}`,
    { headers: { 'If-None-Match': state.etag } });
  state.polling = false;
  if (sequence !== state.sequence || !token()) return;
  if (answer.status === 304) {
    say(page.stale, '');
  } else if (answer.ok) {
    say(page.stale, '');
    loadDay();
  } else if (answer.status !== 401) {
    say(page.stale, `Fairway cannot reach its database right now: the sheet is as it was at ${timeIn(new Date().toISOString(),
      state.course.timeZone)} or before, and updates again once it answers.`, 'warning');
  }
}

/** The newest emails of the outbox, each with its text behind a disclosure. */
async function loadOutbox() {
  if (!token()) return;
  const status = page.outboxStatus.value;
  const answer = await adminCall('GET', `/api/outbox${status ? `?status=${enc(status)}` : ''}`);
  if (!answer.ok) {
    say(page.outboxMessage, answer.status === 503 || answer.status === 0
      ? 'The outbox cannot be shown right now. Press Refresh to try again.' : explain(answer.problem), 'error');
    return;
  }
  say(page.outboxMessage, '');
  page.outbox.replaceChildren(...answer.data.map((email) => el('li', { class: 'outbox-email' },
    el('details', {},
      el('summary', {}, `${email.subject} — to ${email.to} — ${EMAIL_STATUS[email.status] ?? email.status}`,
        email.attempts > 0 ? ` after ${email.attempts} ${email.attempts === 1 ? 'try' : 'tries'}` : ''),
      el('pre', { class: 'email-text' }, email.text)))));
  page.outboxEmpty.hidden = answer.data.length > 0;
}

function tees() {
  return state.course?.tees ?? [{ name: '1' }];
}

function manyTees() {
  return tees().length > 1;
}

function render(availability, sheet, blocks) {
  state.teeTimes = teeTimesOf(availability);
  state.labels = timeLabels(state.teeTimes);
  // One entry per instant for the block form, whichever tees start then.
  state.starts = [...new Map(state.teeTimes.map((t) => [t.start, t])).values()];
  page.dayTitle.textContent = `Tee times on ${longDate(sheet.date)}`;
  page.zoneNote.textContent = `Times are the course's local time (${availability.timeZone}). `
    + 'The sheet updates on its own every few seconds.';
  say(page.stale, availability.stale
    ? `Fairway cannot reach its database right now: counts are as of ${timeIn(availability.asOf, availability.timeZone)}.` : '', 'warning');
  renderBlocks(blocks);
  fillSelect(page.blockFrom, state.starts.map((t) => ({ value: t.start, label: state.labels.get(t.start) })), page.blockFrom.value);
  fillSelect(page.phoneStart, state.teeTimes.filter((t) => t.status !== 'blocked').map((t) => ({
    value: manyTees() ? `${t.tee}|${t.start}` : t.start,
    label: `${state.labels.get(t.start)}${manyTees() ? ` · ${teeName(t.tee)}` : ''} · ${t.available} of ${state.course.maxPlayersPerTeeTime} free` })),
  page.phoneStart.value);
  page.phoneForm.hidden = state.teeTimes.length === 0;
  fillUntil();
  page.blockForm.hidden = state.teeTimes.length === 0;
  const startable = new Set(state.teeTimes.map((t) => `${t.tee ?? tees()[0].name}|${t.start}`));
  const today = sheet.date === todayIn(state.course.timeZone);
  sheetView.show(state.course, sheet, startable, today);
  page.none.hidden = sheet.slots.length > 0;
  page.toNow.hidden = !today || sheet.slots.length === 0;
}

/** Scrolls to the tee time going out now (the latest started, else the first) and puts the keyboard there. */
function goToNow() {
  const rows = [...page.sheet.querySelectorAll(':scope > li.tee-time')];
  const started = rows.filter((row) => Date.parse(row.dataset.start) <= Date.now());
  const row = started.at(-1) ?? rows[0];
  if (!row) return;
  row.tabIndex = -1;
  row.scrollIntoView({ block: 'start' });
  row.focus({ preventScroll: true });
}

function renderBlocks(blocks) {
  page.blocks.replaceChildren(...blocks.map((b) => {
    const sameDay = b.start.substring(0, 10) === b.end.substring(0, 10);
    const span = sameDay ? `${wallClock(b.start)}–${wallClock(b.end)}`
      : `${b.start.substring(0, 10)} ${wallClock(b.start)} – ${b.end.substring(0, 10)} ${wallClock(b.end)}`;
    const inside = b.bookingsInside ?? [];
    return el('li', { class: 'block', 'data-block-id': b.id },
      el('span', {}, `${b.reason || 'Blocked'} · ${span}${b.tees ? ` · ${b.tees.map(teeName).join(', ')} only` : ''}`
        + (inside.length ? ` · covers ${inside.length === 1 ? '1 booking' : `${inside.length} bookings`}, still booked` : '')),
      el('button', { type: 'button', class: 'secondary', onclick: () => removeBlock(b), 'aria-label': `Remove block ${b.reason || ''} ${span}` }, 'Remove'));
  }));
  page.noBlocks.hidden = blocks.length > 0;
}

/** The day's waitlist, in the order golfers joined it. */
function renderWaitlist(entries) {
  const party = (n) => (n === 1 ? '1 player' : `${n} players`);
  page.waitlist.replaceChildren(...entries.map((e) => el('li', { class: `waitlist-entry ${e.status}`, 'data-entry-id': e.id },
    el('span', {}, `${e.name} (${e.email}) · ${party(e.players)} · ${e.holes} holes · between ${e.from} and ${e.until}`
      + ` · ${WAITLIST_STATUS[e.status] ?? e.status}`))));
  page.noWaitlist.hidden = entries.length > 0;
}

/** The block's end: any later tee time (not included), or just after the day's last one. */
function fillUntil() {
  const from = Date.parse(page.blockFrom.value);
  const later = state.starts.filter((t) => Date.parse(t.start) > from)
    .map((t) => ({ value: t.start, label: state.labels.get(t.start) }));
  const last = state.starts.at(-1);
  if (last) {
    later.push({ value: new Date(Date.parse(last.start) + 60_000).toISOString(), label: 'the end of the day' });
  }
  fillSelect(page.blockUntil, later, page.blockUntil.value);
}

async function addBlock() {
  const reason = page.blockReason.value.trim();
  const onTee = page.blockTeesField.hidden ? '' : page.blockTees.value;
  const body = { start: page.blockFrom.value, end: page.blockUntil.value, ...(reason ? { reason } : {}),
    ...(onTee ? { tees: [onTee] } : {}) };
  const answer = await adminCall('POST', `/api/courses/${enc(state.course.id)}/blocks`, { body });
  if (answer.status === 201) {
    page.blockReason.value = '';
    const inside = answer.data.bookingsInside ?? [];
    const players = inside.reduce((sum, b) => sum + b.players, 0);
    say(page.message, `Blocked ${wallClock(answer.data.start)}–${wallClock(answer.data.end)}`
      + `${onTee ? ` on the ${teeName(onTee)}` : ''}${reason ? `: ${reason}` : ''}.`
      + (inside.length === 0 ? ' No booking is inside it.'
        : ` It covers ${inside.length === 1 ? '1 booking' : `${inside.length} bookings`} (${players} ${players === 1 ? 'player' : 'players'}), `
          + `which stay booked: call them. ${inside.map((b) => `${b.name} at ${wallClock(b.start)} (${b.players})`).join(', ')}.`),
    inside.length === 0 ? 'info' : 'warning');
    loadDay();
  } else if (answer.status !== 401) {
    say(page.message, answer.status === 503 ? 'The booking system is busy: the block was not added, try again.' : explain(answer.problem), 'error');
  }
}

async function removeBlock(block) {
  const answer = await adminCall('DELETE', `/api/courses/${enc(state.course.id)}/blocks/${enc(block.id)}`);
  if (answer.status === 204 || answer.status === 404) {
    say(page.message, `Removed the block ${block.reason || ''}`.trim() + '.');
    loadDay();
  } else if (answer.status !== 401) {
    say(page.message, answer.status === 503 ? 'The booking system is busy: the block was not removed, try again.' : explain(answer.problem), 'error');
  }
}

const sheetView = staffSheet({
  list: page.sheet,
  columns: page.columns,
  act: (method, path, body) => adminCall(method, path, body === undefined ? {} : { body }),
  tell: (text, kind = 'info') => say(page.message, text, kind),
  changed: loadDay,
});

wire();
setInterval(poll, POLL_MS);
if (token()) {
  enter(null);
} else {
  page.token.focus();
}
