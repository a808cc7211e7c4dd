// The staff's tee sheet: a row per tee time, a column per tee, each party in its cell, and what a
// starter does with a party: check it in, mark a no-show, undo either, change it (time, tee, round,
// players, name, notes) from a dialog or by dragging it to another cell, cancel it.
import { el, explain, fillSelect, say, STATUS_LABELS, teeName, timeLabels, wallClock } from './common.js';

const $ = (id) => document.getElementById(id);
const PARTY_STATUS = { 'checked-in': 'Checked in', 'no-show': 'No-show' };
const players = (n) => (n === 1 ? '1 player' : `${n} players`);

/**
 * The sheet in {@code list}. {@code act(method, path, body)} calls the API as staff;
 * {@code tell(text, kind)} shows what happened; {@code changed()} loads the day again.
 */
export function staffSheet({ list, columns, act, tell, changed }) {
  const dialog = {
    root: $('change-dialog'), form: $('change-form'), title: $('change-title'), now: $('change-now'),
    start: $('change-start'), tee: $('change-tee'), teeField: $('change-tee-field'), holes: $('change-holes'),
    holesField: $('change-holes-field'), players: $('change-players'), name: $('change-name'), notes: $('change-notes'),
    error: $('change-error'), save: $('change-save'), close: $('change-close'),
  };
  const state = { course: null, sheet: null, labels: new Map(), today: false, booking: null, dragging: null, waiting: null };

  dialog.form.addEventListener('submit', (event) => {
    event.preventDefault();
    saveChange();
  });
  dialog.close.addEventListener('click', () => dialog.root.close());

  const tees = () => state.sheet.tees;
  const startingTees = () => (state.course.tees ?? [{ name: '1' }]).filter((t) => !Array.isArray(t.starts) || t.starts.length > 0)
    .map((t) => t.name);
  const courseRounds = () => state.course.rounds ?? [18];
  const labelOf = (start) => state.labels.get(start) ?? wallClock(start);
  const where = (start, tee) => `${labelOf(start)}${tees().length > 1 ? ` on the ${teeName(tee)}` : ''}`;

  /** Shows {@code sheet}; {@code startable}: "tee|start" of the slots where a round may start. */
  function show(course, sheet, startable, today) {
    if (state.dragging) {
      state.waiting = () => show(course, sheet, startable, today);
      return;
    }
    state.course = course;
    state.sheet = sheet;
    state.today = today;
    state.labels = timeLabels(sheet.slots);
    const focused = document.activeElement?.dataset?.key;
    const rows = new Map();
    for (const slot of sheet.slots) {
      if (!rows.has(slot.start)) rows.set(slot.start, new Map());
      rows.get(slot.start).set(slot.tee, slot);
    }
    list.style.setProperty('--tees', String(tees().length));
    columns.style.setProperty('--tees', String(tees().length));
    columns.replaceChildren(el('span', {}, 'Time'), ...tees().map((tee) => el('span', {}, teeName(tee))));
    columns.hidden = tees().length < 2 || rows.size === 0;
    list.replaceChildren(...[...rows.entries()].map(([start, byTee]) => {
      const cells = tees().map((tee) => cell(byTee.get(tee), tee, start, startable));
      const only = tees().length === 1 ? byTee.get(tees()[0]) : null;
      const status = only ? statusOf(only, startable) : null;
      return el('li', { class: `tee-time${status ? ` ${status}` : ''}`, 'data-start': start, 'data-status': status },
        el('div', { class: 'slot-head' }, el('span', { class: 'time' }, labelOf(start))),
        el('div', { class: 'tee-slots' }, cells));
    }));
    list.dataset.date = sheet.date;
    // A re-render keeps the keyboard where it was: on the same button, else on the same party's first.
    if (focused) {
      (list.querySelector(`[data-key="${CSS.escape(focused)}"]`)
        ?? list.querySelector(`[data-key^="${CSS.escape(focused.split('|')[0])}|"]`))?.focus();
    }
  }

  function statusOf(slot, startable) {
    if (slot.block) return 'blocked';
    if (slot.available <= 0) return 'full';
    return startable.has(`${slot.tee}|${slot.start}`) ? 'open' : 'turns';
  }

  function cell(slot, tee, start, startable) {
    if (!slot) {
      return el('div', { class: 'tee-slot none', 'data-tee': tee }, el('span', { class: 'tee' }, teeName(tee)),
        el('span', { class: 'quiet' }, ' · not a tee time'));
    }
    const status = statusOf(slot, startable);
    const words = status === 'turns' ? 'Turns only' : status === 'open' ? '' : STATUS_LABELS[status];
    const node = el('div', {
      class: `tee-slot ${status}`, 'data-tee': tee, 'data-booked': slot.booked, 'data-status': status,
      ondragover: (event) => {
        if (state.dragging) event.preventDefault();
      },
      ondragenter: () => node.classList.add('drop-here'),
      ondragleave: () => node.classList.remove('drop-here'),
      ondrop: (event) => {
        event.preventDefault();
        node.classList.remove('drop-here');
        const booking = state.dragging;
        endDrag();
        if (booking && (booking.start !== start || booking.tee !== tee)) openChange(booking, { start, tee });
      },
    },
    el('div', { class: 'slot-head' },
      tees().length > 1 ? el('span', { class: 'tee' }, teeName(tee)) : null,
      el('span', { class: 'spots' }, `${slot.booked} of ${slot.capacity} booked${slot.held ? ` · ${slot.held} held` : ''}`),
      words ? el('span', { class: 'status' }, words) : null),
    slot.block ? el('p', { class: 'block-note' }, `Blocked${slot.block.reason ? `: ${slot.block.reason}` : ''}`) : null,
    slot.parties.length ? el('ul', { class: 'bookings' }, slot.parties.map(party)) : null);
    return node;
  }

  function party(p) {
    const text = p.turn
      ? `${p.name} · ${players(p.players)} · at the turn, started ${wallClock(p.start)} on the ${teeName(p.tee)}`
      : [p.name, players(p.players),
        courseRounds().length > 1 ? `${p.holes} holes` : '',
        p.turnSlot ? `turns ${wallClock(p.turnSlot.start)} on the ${teeName(p.turnSlot.tee)}` : '',
        p.groupId ? 'group' : '', p.kind === 'hold' ? `on hold until ${wallClock(p.expiresAt)}` : '', p.email ?? '',
        p.golferId ? (p.kind === 'hold' ? 'signed in' : 'booked signed in') : ''].filter(Boolean).join(' · ');
    const actionable = p.kind === 'booking' && !p.turn;
    return el('li', {
      class: `booking ${p.status}${p.turn ? ' turning' : ''}`, 'data-booking-id': p.id, 'data-status': p.status,
      draggable: actionable ? 'true' : null,
      ondragstart: actionable ? (event) => {
        state.dragging = p;
        event.dataTransfer.effectAllowed = 'move';
        event.dataTransfer.setData('text/plain', p.name);
      } : null,
      ondragend: actionable ? endDrag : null,
    },
    el('span', { class: 'who' }, text),
    PARTY_STATUS[p.status] ? el('span', { class: `badge ${p.status}` }, PARTY_STATUS[p.status]) : null,
    p.notes ? el('span', { class: 'notes' }, `Note: ${p.notes}`) : null,
    actionable ? el('span', { class: 'party-actions' }, actions(p)) : null);
  }

  function actions(p) {
    const button = (label, key, onclick, primary = false) => el('button', {
      type: 'button', class: `${primary ? '' : 'secondary '}${key}`, 'data-key': `${p.id}|${key}`,
      'aria-label': `${label} ${p.name} (${labelOf(p.start)})`, onclick,
    }, label);
    const started = Date.parse(p.start) <= Date.now();
    return [
      p.status === 'confirmed' && state.today ? button('Check in', 'check-in', () => setStatus(p, 'checked-in'), true) : null,
      p.status === 'confirmed' && started ? button('No-show', 'no-show', () => setStatus(p, 'no-show')) : null,
      p.status !== 'confirmed' ? button('Undo', 'undo', () => setStatus(p, 'confirmed')) : null,
      button('Change', 'change', () => openChange(p, {})),
      button('Cancel', 'cancel', () => cancel(p)),
    ];
  }

  function endDrag() {
    state.dragging = null;
    const waiting = state.waiting;
    state.waiting = null;
    if (waiting) waiting();
  }

  async function setStatus(p, status) {
    const answer = await act('PATCH', `/api/bookings/${encodeURIComponent(p.id)}`, { status });
    if (answer.ok) {
      tell({ 'checked-in': `Checked in ${p.name} (${players(p.players)}, ${where(p.start, p.tee)}).`,
        'no-show': `Marked ${p.name} (${where(p.start, p.tee)}) as a no-show.`,
        confirmed: `${p.name} (${where(p.start, p.tee)}) is booked again: neither checked in nor a no-show.` }[status]);
      changed();
    } else if (answer.status !== 401) {
      tell(`${p.name}: ${refusal(answer)}`, 'error');
    }
  }

  async function cancel(p) {
    if (!window.confirm(`Cancel ${p.name}'s booking for ${p.players} at ${where(p.start, p.tee)}?`)) return;
    const answer = await act('DELETE', `/api/bookings/${encodeURIComponent(p.id)}`);
    if (answer.status === 204) {
      tell(`Cancelled ${p.name}'s booking at ${where(p.start, p.tee)}.`);
      changed();
    } else if (answer.status !== 401) {
      tell(`Not cancelled: ${refusal(answer)}`, 'error');
    }
  }

  /** The change dialog for {@code p}, its time and tee set to {@code to} when dragged there. */
  function openChange(p, to) {
    state.booking = p;
    const starts = [...new Set(state.sheet.slots.map((s) => s.start))];
    fillSelect(dialog.start, starts.map((s) => ({ value: s, label: labelOf(s) })), to.start ?? p.start);
    const choices = [...new Set([...startingTees(), p.tee])];
    fillSelect(dialog.tee, choices.map((t) => ({ value: t, label: teeName(t) })), to.tee ?? p.tee);
    dialog.teeField.hidden = tees().length < 2;
    const rounds = [...new Set([...courseRounds(), p.holes])].sort((a, b) => b - a);
    fillSelect(dialog.holes, rounds.map((n) => ({ value: n, label: `${n} holes` })), p.holes);
    dialog.holesField.hidden = rounds.length < 2;
    const most = Math.max(state.course.maxPlayersPerTeeTime, p.players);
    fillSelect(dialog.players, Array.from({ length: most }, (_, i) => ({ value: i + 1, label: players(i + 1) })), p.players);
    dialog.name.value = p.name;
    dialog.notes.value = p.notes ?? '';
    dialog.title.textContent = to.start ? `Move ${p.name}` : `Change ${p.name}'s booking`;
    dialog.now.textContent = `Now: ${players(p.players)} at ${where(p.start, p.tee)}`
      + `${courseRounds().length > 1 ? `, ${p.holes} holes` : ''}.${p.email ? ' The golfer is emailed if the time or players change.' : ''}`;
    say(dialog.error, '');
    dialog.save.disabled = false;
    dialog.root.showModal();
    (to.start ? dialog.save : dialog.start).focus();
  }

  async function saveChange() {
    const p = state.booking;
    const body = {};
    if (dialog.start.value !== p.start) body.start = dialog.start.value;
    if (!dialog.teeField.hidden && dialog.tee.value !== p.tee) body.tee = dialog.tee.value;
    if (!dialog.holesField.hidden && Number(dialog.holes.value) !== p.holes) body.holes = Number(dialog.holes.value);
    if (Number(dialog.players.value) !== p.players) body.players = Number(dialog.players.value);
    const name = dialog.name.value.trim();
    if (!name) {
      say(dialog.error, 'Give the name the booking is under.', 'error');
      dialog.name.focus();
      return;
    }
    if (name !== p.name) body.name = name;
    const notes = dialog.notes.value.trim();
    if (notes !== (p.notes ?? '')) body.notes = notes;
    if (Object.keys(body).length === 0) {
      dialog.root.close();
      return;
    }
    dialog.save.disabled = true;
    const answer = await act('PATCH', `/api/bookings/${encodeURIComponent(p.id)}`, body);
    dialog.save.disabled = false;
    if (answer.ok) {
      dialog.root.close();
      const b = answer.data;
      const moved = body.start || body.tee || body.holes;
      tell(`Saved ${b.name}: ${players(b.players)} at ${where(b.start, b.tee ?? '1')}`
        + `${b.turn ? `, turning ${wallClock(b.turn.start)} on the ${teeName(b.turn.tee)}` : ''}.`
        + (b.email && (moved || body.players) ? ` ${b.email} is sent the new time in an updated calendar entry.` : ''));
      changed();
    } else if (answer.status !== 401) {
      say(dialog.error, `Nothing was changed: ${refusal(answer)}`, 'error');
    }
  }

  return { show };
}

/** Why the system said no, in the API's own words (its details are sentences). */
function refusal(answer) {
  if (answer.status === 0 || answer.status === 503) return 'the booking system is busy. Try again in a moment.';
  return explain(answer.problem);
}
