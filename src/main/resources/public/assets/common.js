// What both pages share: talking to the API, dates and times in a course's zone, and building DOM
// without innerHTML (customer names are data, never markup).

/** The answer to one API call; status 0 when no answer arrived at all. */
export async function call(method, path, { body, headers = {} } = {}) {
  const init = { method, headers: { Accept: 'application/json', ...headers } };
  if (body !== undefined) {
    init.body = JSON.stringify(body);
    init.headers['Content-Type'] = 'application/json';
  }
  let response;
  try {
    response = await fetch(path, init);
  } catch {
    return { status: 0, ok: false, data: null, problem: { detail: 'No answer from Fairway: check your connection.' } };
  }
  const text = await response.text();
  let data = null;
  try {
    data = text ? JSON.parse(text) : null;
  } catch {
    data = null;
  }
  return {
    status: response.status,
    ok: response.ok,
    data: response.ok ? data : null,
    problem: response.ok ? null : (data ?? { detail: `Fairway answered ${response.status}.` }),
    etag: response.headers.get('ETag'),
    retryAfter: Number(response.headers.get('Retry-After')) || null,
    serverDate: response.headers.get('Date'),
  };
}

/** The problem's slug: the last part of its type URI. */
export function slug(problem) {
  return (problem?.type ?? '').split('/').pop();
}

/** A problem's detail, or its title when it has none. */
export function explain(problem) {
  return problem?.detail || problem?.title || 'Something went wrong.';
}

/** HH:mm of an instant the API rendered in the course's zone. */
export function wallClock(instant) {
  return instant.substring(11, 16);
}

/** The offset of an instant the API rendered in the course's zone: "-05:00". */
export function offsetOf(instant) {
  return instant.length > 19 ? instant.substring(19) : '';
}

/** Today's date in {@code zone}, YYYY-MM-DD. */
export function todayIn(zone) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(new Date());
  const part = (type) => parts.find((p) => p.type === type).value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

export function addDays(date, days) {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().substring(0, 10);
}

/** "Saturday 28 November 2026", in the reader's language. */
export function longDate(date) {
  const [y, m, d] = date.split('-').map(Number);
  return new Intl.DateTimeFormat(undefined, { timeZone: 'UTC', weekday: 'long', day: 'numeric', month: 'long', year: 'numeric' })
    .format(new Date(Date.UTC(y, m - 1, d)));
}

/** HH:mm of an instant in {@code zone}. */
export function timeIn(instant, zone) {
  return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit' }).format(new Date(instant));
}

export function money(amount, currency) {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(Number(amount));
  } catch {
    return `${amount} ${currency}`;
  }
}

/** 128 random bits, hex: crypto.randomUUID needs a secure context, getRandomValues does not. */
export function randomKey() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** An element with attributes and children; strings become text nodes. */
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === null || value === undefined) continue;
    if (name.startsWith('on')) element.addEventListener(name.substring(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  for (const child of children.flat()) {
    if (child !== null && child !== undefined && child !== false) element.append(child);
  }
  return element;
}

/** Shows {@code text} in a message region, or hides it when text is empty. */
export function say(region, text, kind = 'info') {
  region.textContent = text ?? '';
  region.dataset.kind = kind;
  region.hidden = !text;
}

/** Fills a select with options [{value, label}], keeping the chosen value when it still exists. */
export function fillSelect(select, options, chosen) {
  select.replaceChildren(...options.map((o) => el('option', { value: o.value }, o.label)));
  if (options.some((o) => String(o.value) === String(chosen))) select.value = String(chosen);
}

/** The tee times of a day from an availability answer. */
export function teeTimesOf(availability) {
  return availability.days.flatMap((day) => day.teeTimes);
}

/** A label for each tee time: HH:mm, with the offset when the day has that wall-clock time twice (DST). */
export function timeLabels(teeTimes) {
  // Distinct instants per wall-clock time: two tees starting at 07:00 are one 07:00.
  const counts = new Map();
  new Set(teeTimes.map((t) => t.start)).forEach((start) => counts.set(wallClock(start), (counts.get(wallClock(start)) ?? 0) + 1));
  return new Map(teeTimes.map((t) => [t.start,
    counts.get(wallClock(t.start)) > 1 ? `${wallClock(t.start)} (UTC${offsetOf(t.start)})` : wallClock(t.start)]));
}

/** "in 2 h 13 min": how long until {@code ms} milliseconds have passed. */
export function countdown(ms) {
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  if (seconds < 60) return `in ${seconds} s`;
  const minutes = Math.ceil(seconds / 60);
  if (minutes < 60) return `in ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `in ${hours} h ${minutes % 60} min`;
  return `in ${Math.floor(hours / 24)} days ${hours % 24} h`;
}

/** "Saturday 07:00" of an instant in {@code zone}. */
export function weekdayAndTime(instant, zone) {
  const date = new Date(instant);
  const weekday = new Intl.DateTimeFormat('en-GB', { timeZone: zone, weekday: 'long' }).format(date);
  return `${weekday} ${timeIn(instant, zone)}`;
}

/** "1st tee", "10th tee"; a tee named otherwise, "tee North". */
export function teeName(tee) {
  if (!/^[0-9]{1,3}$/.test(tee)) return `tee ${tee}`;
  const n = Number(tee);
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? 'th' : ({ 1: 'st', 2: 'nd', 3: 'rd' }[n % 10] ?? 'th');
  return `${n}${suffix} tee`;
}

export const STATUS_LABELS = { open: 'Open', full: 'Full', blocked: 'Blocked', unavailable: 'Not bookable' };
