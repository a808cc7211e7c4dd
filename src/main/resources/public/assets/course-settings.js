// The staff's course settings form: the course's rules in fields a manager can read, saved with
// PATCH (a JSON merge patch of only what changed), and a refusal shown beside the field it names.
import { el, explain, say } from './common.js';

const DAYS = ['MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY', 'SUNDAY'];
const NUMBERS = [
  ['teeTimeIntervalMinutes', 'Minutes between tee times'], ['maxPlayersPerTeeTime', 'Players per tee time'],
  ['bookingWindowDays', 'Days ahead golfers may book'], ['minNoticeMinutes', 'Minutes of notice a booking needs'],
  ['cancellationCutoffMinutes', 'Golfers may cancel until (minutes before)'],
  ['reminderHoursBefore', 'Reminder email (hours before; 0 for none)'],
];
const NO_SHOWS = [
  ['strikes', 'No-shows that stop a golfer booking online', 'e.g. 2 · all three empty: no limit'],
  ['withinDays', 'counted over the last (days)', 'e.g. 90'],
  ['suspendDays', 'for (days after the latest)', 'e.g. 30 · staff can still book them'],
];

/** What the manager changed, in the form's words. */
const SAVED = {
  name: 'the name', timeZone: 'the time zone', weeklyHours: 'the weekly hours', dateOverrides: 'the days that differ',
  rates: 'the rates', bookingClasses: 'the booking classes', noShowPolicy: 'the no-show limit',
  ...Object.fromEntries(NUMBERS.map(([name, label]) => [name, label.toLowerCase()])),
};

/** "07:00-11:00, 12:00-16:30" from [{firstTeeTime, lastTeeTime}], or "closed". */
function hoursText(ranges) {
  return ranges && ranges.length > 0 ? ranges.map((r) => `${r.firstTeeTime}-${r.lastTeeTime}`).join(', ') : 'closed';
}

/** The ranges of "07:00-11:00, 12:00-16:30"; null when the text is not that. */
function parseHours(text) {
  const trimmed = text.trim().toLowerCase();
  if (trimmed === '' || trimmed === 'closed') return [];
  const ranges = trimmed.split(',').map((part) => part.trim().match(/^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/));
  return ranges.every(Boolean) ? ranges.map((m) => ({ firstTeeTime: m[1], lastTeeTime: m[2] })) : null;
}

/** One line per override: "2026-12-25 closed", "2026-12-24 08:00-12:00 every 12". */
function overridesText(overrides) {
  return (overrides ?? []).map((o) => `${o.date} ${hoursText(o.hours)}`
    + (o.teeTimeIntervalMinutes ? ` every ${o.teeTimeIntervalMinutes}` : '')).join('\n');
}

function parseOverrides(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const m = line.match(/^(\d{4}-\d{2}-\d{2})\s+(.*?)(?:\s+every\s+(\d+))?$/i);
    const hours = m ? parseHours(m[2]) : null;
    if (!m || hours === null) return { invalid: line };
    return { date: m[1], hours, ...(m[3] ? { teeTimeIntervalMinutes: Number(m[3]) } : {}) };
  });
}

/**
 * One line per rate: "Twilight; SATURDAY SUNDAY; 14:00-23:59; 35.00" (days left empty: every day),
 * then, when the rate has them, "; 9 holes" and "; for member junior" (its booking classes).
 */
function ratesText(rates) {
  return (rates ?? []).map((r) => [r.name, (r.days ?? []).join(' '), `${r.from}-${r.until}`, r.pricePerPlayer,
    ...(r.holes ? [`${r.holes} holes`] : []), ...(r.classes?.length ? [`for ${r.classes.join(' ')}`] : [])]
    .join('; ')).join('\n');
}

/** A rate with its fields in one order and the empty ones left out: what two rates are compared by. */
function sameRate(r) {
  return { name: r.name, days: r.days?.length ? r.days : undefined, from: r.from, until: r.until,
    pricePerPlayer: r.pricePerPlayer, holes: r.holes ?? undefined, classes: r.classes?.length ? r.classes : undefined };
}

function parseRates(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const parts = line.split(';').map((p) => p.trim());
    const times = parts[2]?.match(/^(\d{2}:\d{2})\s*-\s*(\d{2}:\d{2})$/);
    if (parts.length < 4 || !times) return { invalid: line };
    const days = parts[1] ? parts[1].toUpperCase().split(/[\s,]+/) : [];
    const rate = { name: parts[0], ...(days.length ? { days } : {}), from: times[1], until: times[2], pricePerPlayer: parts[3] };
    for (const extra of parts.slice(4)) {
      const holes = extra.match(/^(9|18)\s*holes$/i);
      const classes = extra.match(/^for\s+(.+)$/i);
      if (holes) rate.holes = Number(holes[1]);
      else if (classes) rate.classes = classes[1].split(/[\s,]+/);
      else return { invalid: line };
    }
    return rate;
  });
}

/** One line per class: "member; 8 days; 07:00; 4 open; 1 a day" (the limits may be left out). */
function classesText(classes) {
  return (classes ?? []).map((c) => [c.name, `${c.bookingWindowDays} days`, c.releaseTime ?? '00:00',
    ...(c.maxOpenBookings ? [`${c.maxOpenBookings} open`] : []),
    ...(c.maxBookingsPerDay ? [`${c.maxBookingsPerDay} a day`] : [])].join('; ')).join('\n');
}

function parseClasses(text) {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).map((line) => {
    const parts = line.split(';').map((p) => p.trim());
    const days = parts[1]?.match(/^(\d+)\s*days?$/i);
    if (parts.length < 3 || !days || !/^\d{2}:\d{2}$/.test(parts[2])) return { invalid: line };
    const rules = { name: parts[0], bookingWindowDays: Number(days[1]), releaseTime: parts[2] };
    for (const limit of parts.slice(3)) {
      const open = limit.match(/^(\d+)\s*open$/i);
      const perDay = limit.match(/^(\d+)\s*a\s*day$/i);
      if (open) rules.maxOpenBookings = Number(open[1]);
      else if (perDay) rules.maxBookingsPerDay = Number(perDay[1]);
      else return { invalid: line };
    }
    return rules;
  });
}

/**
 * Builds the form into {@code container} for {@code course} and saves it with {@code save(patch)},
 * which answers as the API does; {@code saved(course)} is told of the stored course.
 */
export function courseSettings(container, stored, save, saved) {
  let course = stored; // what the form's changes are worked out against: the course as last saved
  const inputs = new Map();
  const field = (name, label, input, hint) => {
    input.id = `setting-${name}`;
    input.name = name;
    inputs.set(name, input);
    const error = el('span', { class: 'field-error', id: `setting-${name}-error`, role: 'alert', hidden: true });
    input.setAttribute('aria-describedby', error.id);
    return el('div', { class: 'field setting' }, el('label', { for: input.id }, label), input,
      hint ? el('span', { class: 'quiet hint' }, hint) : null, error);
  };
  const text = (value, attributes = {}) => el('input', { value: value ?? '', ...attributes });
  const area = (value, rows) => {
    const textarea = el('textarea', { rows });
    textarea.value = value;
    return textarea;
  };
  const message = el('p', { class: 'banner', role: 'status', hidden: true });
  const form = el('form', { class: 'settings', novalidate: true },
    el('fieldset', {}, el('legend', {}, 'The course'),
      field('name', 'Name', text(course.name, { maxlength: 100 })),
      field('timeZone', 'Time zone', text(course.timeZone), 'e.g. America/New_York'),
      ...NUMBERS.map(([name, label]) => field(name, label, text(course[name] ?? '', { inputmode: 'numeric' })))),
    el('fieldset', {}, el('legend', {}, 'Weekly hours: first and last tee time'),
      ...DAYS.map((day) => field(`weeklyHours.${day}`, day.charAt(0) + day.slice(1).toLowerCase(),
        text(hoursText(course.weeklyHours?.[day])), 'e.g. 07:00-17:00, or closed'))),
    el('fieldset', {}, el('legend', {}, 'Days that differ, rates and booking classes'),
      field('dateOverrides', 'Days that differ (one a line)', area(overridesText(course.dateOverrides), 4),
        '2026-12-25 closed · 2026-12-24 08:00-12:00 every 12'),
      field('rates', 'Rates, the first that matches applies (one a line)', area(ratesText(course.rates), 4),
        'Twilight; SATURDAY SUNDAY; 14:00-23:59; 35.00 · leave the days empty for every day · add "; 9 holes" or "; for member" for a round or class'),
      field('bookingClasses', 'Booking classes (one a line)', area(classesText(course.bookingClasses), 3),
        'member; 8 days; 07:00; 4 open; 1 a day · public is everyone else')),
    el('fieldset', {}, el('legend', {}, 'No-shows'),
      ...NO_SHOWS.map(([name, label, hint]) => field(`noShowPolicy.${name}`, label,
        text(course.noShowPolicy?.[name] ?? '', { inputmode: 'numeric' }), hint))),
    message,
    el('div', { class: 'actions' }, el('button', { type: 'submit' }, 'Save settings')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    clearErrors();
    const patch = changes();
    if (patch === null) return;
    if (Object.keys(patch).length === 0) {
      say(message, 'Nothing changed.');
      return;
    }
    const answer = await save(patch);
    if (answer.ok) {
      course = answer.data;
      say(message, `Saved: ${Object.keys(patch).map((name) => SAVED[name] ?? name).join(', ')}.`);
      saved(answer.data);
    } else if (answer.status === 400) {
      showError(answer.problem.detail ?? '');
    } else {
      say(message, answer.status === 503 || answer.status === 0
        ? 'The booking system is busy: nothing was saved. Press Save again.' : explain(answer.problem), 'error');
    }
  });
  container.replaceChildren(form);

  /** The merge patch of what differs from the stored course, or null after showing a field's mistake. */
  function changes() {
    const patch = {};
    const value = (name) => inputs.get(name).value.trim();
    for (const name of ['name', 'timeZone']) {
      if (value(name) !== (course[name] ?? '')) patch[name] = value(name);
    }
    for (const [name] of NUMBERS) {
      const given = value(name);
      if (given === String(course[name] ?? '')) continue;
      if (given === '') {
        patch[name] = null;
      } else if (/^\d+$/.test(given)) {
        patch[name] = Number(given);
      } else {
        return fieldError(name, 'Give a whole number.');
      }
    }
    const week = {};
    for (const day of DAYS) {
      const hours = parseHours(value(`weeklyHours.${day}`));
      if (hours === null) return fieldError(`weeklyHours.${day}`, 'Write the hours as 07:00-17:00, several with commas, or closed.');
      if (hours.length > 0) week[day] = hours;
    }
    if (JSON.stringify(week) !== JSON.stringify(normalWeek(course.weeklyHours))) patch.weeklyHours = week;
    const asIs = (entry) => entry;
    for (const [name, parse, stored, same] of [['dateOverrides', parseOverrides, course.dateOverrides, asIs],
      ['rates', parseRates, course.rates, sameRate], ['bookingClasses', parseClasses, course.bookingClasses, asIs]]) {
      const parsed = parse(inputs.get(name).value);
      const bad = parsed.find((entry) => entry.invalid);
      if (bad) return fieldError(name, `This line is not in the form shown below the field: ${bad.invalid}`);
      if (JSON.stringify(parsed.map(same)) !== JSON.stringify((stored ?? []).map(same))) patch[name] = parsed;
    }
    const noShows = NO_SHOWS.map(([name]) => [name, value(`noShowPolicy.${name}`)]);
    if (noShows.every(([, given]) => given === '')) {
      if (course.noShowPolicy) patch.noShowPolicy = null;
    } else {
      const bad = noShows.find(([, given]) => !/^\d+$/.test(given));
      if (bad) return fieldError(`noShowPolicy.${bad[0]}`, 'Give a whole number, or leave all three empty for no limit.');
      const policy = Object.fromEntries(noShows.map(([name, given]) => [name, Number(given)]));
      if (JSON.stringify(policy) !== JSON.stringify(course.noShowPolicy ?? null)) patch.noShowPolicy = policy;
    }
    return patch;
  }

  function normalWeek(stored) {
    const week = {};
    for (const day of DAYS) {
      if (stored?.[day]?.length) week[day] = stored[day].map((r) => ({ firstTeeTime: r.firstTeeTime, lastTeeTime: r.lastTeeTime }));
    }
    return week;
  }

  /** A 400's detail names the field first ("weeklyHours.SATURDAY[1].lastTeeTime must ..."): shown beside it. */
  function showError(detail) {
    const path = detail.split(' ')[0];
    const name = [...inputs.keys()].filter((key) => path === key || path.startsWith(`${key}.`) || path.startsWith(`${key}[`))
      .sort((a, b) => b.length - a.length)[0];
    if (name) {
      fieldError(name, `Not saved: ${detail}`);
    } else {
      say(message, `Not saved: ${detail}`, 'error');
    }
  }

  function fieldError(name, text) {
    const input = inputs.get(name);
    const error = document.getElementById(`${input.id}-error`);
    input.setAttribute('aria-invalid', 'true');
    error.textContent = text;
    error.hidden = false;
    say(message, `Nothing was saved: see ${input.labels?.[0]?.textContent ?? 'the marked field'}.`, 'error');
    input.focus();
    return null;
  }

  function clearErrors() {
    say(message, '');
    for (const input of inputs.values()) {
      input.removeAttribute('aria-invalid');
      const error = document.getElementById(`${input.id}-error`);
      error.hidden = true;
      error.textContent = '';
    }
  }
}
