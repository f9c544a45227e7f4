// The Riza chat widget: one script tag on an organisation's web site,
//   <script src="https://riza.example/widget.js" data-org="umniah" data-channel="webchat" async></script>
// adds a launcher button and a chat panel in a shadow root (no styles leak either way), in the
// visitor's language (right to left in Arabic), usable with the keyboard and a screen reader. It
// talks to Riza over one WebSocket; the visitor's token in localStorage resumes the chat after a
// reload. Outside the team's hours it offers the complaint form and says when the team is back.
import { type Lang, pickLang, translator } from './i18n.ts';
import { CSS } from './styles.ts';

interface ChatMessage {
  seq: number;
  author: 'visitor' | 'agent' | 'system';
  authorName: string | null;
  body: string;
  at: string;
}
interface ChatStatus {
  status: 'open' | 'closed';
  agent: string | null;
  caseNumber: string | null;
}
interface Snapshot {
  chatId: string;
  status: ChatStatus;
  messages: ChatMessage[];
}
interface Welcome {
  orgName: string;
  open: boolean;
  nextOpening: string | null;
  timezone: string | null;
  greeting: string | null;
  portalPath: string;
  chat: Snapshot | null;
}
type ServerMessage =
  | ({ type: 'welcome' } & Welcome)
  | { type: 'started'; token: string; chat: Snapshot }
  | { type: 'message'; message: ChatMessage }
  | ({ type: 'status' } & ChatStatus)
  | {
      type: 'error';
      code: string;
      reason?: string;
      seconds?: number;
      fields?: { field: string; message: string }[];
    };
type View = 'connecting' | 'offline' | 'start' | 'chat' | 'unavailable';

const SVG_NS = 'http://www.w3.org/2000/svg';

function icon(paths: string[], mirror = false): SVGSVGElement {
  const svg = document.createElementNS(SVG_NS, 'svg');
  svg.setAttribute('viewBox', '0 0 24 24');
  svg.setAttribute('fill', 'none');
  svg.setAttribute('stroke', 'currentColor');
  svg.setAttribute('stroke-width', '2');
  svg.setAttribute('stroke-linecap', 'round');
  svg.setAttribute('stroke-linejoin', 'round');
  svg.setAttribute('aria-hidden', 'true');
  svg.setAttribute('focusable', 'false');
  if (mirror) svg.setAttribute('data-mirror', '');
  for (const d of paths) {
    const p = document.createElementNS(SVG_NS, 'path');
    p.setAttribute('d', d);
    svg.append(p);
  }
  return svg;
}

/** A name inside a sentence keeps its own direction (an Arabic name in an English line). */
const isolate = (text: string) => `\u2068${text}\u2069`;

type Child = Node | string | null | undefined | false;
function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string | boolean | undefined> = {},
  ...children: Child[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === false) continue;
    if (k === 'class') el.className = String(v);
    else el.setAttribute(k, v === true ? '' : v);
  }
  for (const c of children) if (c) el.append(c);
  return el;
}

function field(id: string, label: string, control: HTMLInputElement | HTMLTextAreaElement, hint?: string) {
  control.id = id;
  const hintEl = hint ? h('span', { class: 'hint', id: `${id}-hint` }, hint) : null;
  const error = h('p', { class: 'error', id: `${id}-error`, hidden: true });
  control.setAttribute(
    'aria-describedby',
    [hintEl ? `${id}-hint` : '', `${id}-error`].filter(Boolean).join(' '),
  );
  return {
    wrap: h('div', { class: 'field' }, h('label', { for: id }, label), control, hintEl, error),
    error,
  };
}

function mount(script: HTMLScriptElement) {
  const org = script.dataset.org;
  const channel = script.dataset.channel;
  if (!org || !channel) {
    console.error('Riza chat: the script tag needs data-org and data-channel');
    return;
  }
  const rizaOrigin = new URL(script.src, location.href).origin;
  const socketUrl = `${rizaOrigin.replace(/^http/, 'ws')}/api/v1/chat/${encodeURIComponent(org)}/${encodeURIComponent(channel)}/ws`;
  const tokenKey = `riza-chat:${org}:${channel}`;
  const lang: Lang = pickLang(script.dataset.lang);
  const t = translator(lang);
  const dir = lang === 'ar' ? 'rtl' : 'ltr';
  const timeFormat = new Intl.DateTimeFormat(lang, { hour: '2-digit', minute: '2-digit' });

  // ---- the DOM, built once; views are shown and hidden -------------------------------------
  const host = h('div', { 'data-riza-chat': '' });
  const root = host.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = CSS;

  const dot = h('span', { class: 'dot', hidden: true });
  const launcherText = h('span', {}, t('launcher'));
  const launcher = h(
    'button',
    { type: 'button', class: 'launcher', 'aria-expanded': 'false', 'aria-controls': 'riza-panel' },
    icon(['M4 5h16v11H8l-4 4z', 'M8 9h8', 'M8 12h5']),
    launcherText,
    dot,
  );

  const close = h(
    'button',
    { type: 'button', class: 'icon-button', 'aria-label': t('close') },
    icon(['M6 6l12 12', 'M18 6L6 18']),
  );
  const orgName = h('p', { class: 'org', dir: 'auto', translate: 'no', hidden: true });
  const notice = h('p', { class: 'notice', role: 'status', 'aria-live': 'polite' });

  const connectingView = h(
    'div',
    { class: 'view center', 'data-view': 'connecting' },
    h('p', { class: 'muted' }, t('connecting')),
  );

  const retryButton = h('button', { type: 'button', class: 'secondary' }, t('retry'));
  const unavailableView = h(
    'div',
    { class: 'view center', 'data-view': 'unavailable' },
    h('p', {}, t('unavailable')),
    retryButton,
  );

  const backText = h('p', {});
  const formLink = h('a', { class: 'primary', target: '_blank', rel: 'noopener' }, t('offlineForm'));
  const offlineView = h(
    'div',
    { class: 'view pad', 'data-view': 'offline' },
    h('h3', { style: 'margin:0 0 8px;font-size:1.05em' }, t('offlineTitle')),
    backText,
    h('p', { class: 'muted' }, t('offlineFormHint')),
    h('p', {}, formLink),
  );

  const greeting = h('p', { class: 'greeting', dir: 'auto', translate: 'no', hidden: true });
  const nameInput = h('input', { name: 'name', autocomplete: 'name', maxlength: '100' });
  const contactInput = h('input', {
    name: 'contact',
    autocomplete: 'email',
    maxlength: '200',
    inputmode: 'email',
  });
  const firstInput = h('textarea', { name: 'text', required: true, maxlength: '2000', dir: 'auto' });
  const nameField = field('riza-name', t('name'), nameInput);
  const contactField = field('riza-contact', t('contact'), contactInput, t('contactHint'));
  const textField = field('riza-text', t('message'), firstInput);
  const startButton = h('button', { type: 'submit', class: 'primary' }, t('start'));
  const startError = h('p', { class: 'form-error', role: 'alert', hidden: true });
  const startView = h(
    'form',
    { class: 'view pad', 'data-view': 'start', novalidate: true },
    greeting,
    h('p', {}, t('intro')),
    nameField.wrap,
    contactField.wrap,
    textField.wrap,
    startError,
    startButton,
  );

  // the log region holds a list (role="log" on the list itself would hide its items from it)
  const log = h('ol', { class: 'log-list' });
  const logRegion = h(
    'div',
    { class: 'log', role: 'log', 'aria-label': t('log'), 'aria-live': 'polite', tabindex: '0' },
    log,
  );
  const composerInput = h('textarea', {
    name: 'message',
    'aria-label': t('composer'),
    placeholder: t('composer'),
    maxlength: '2000',
    rows: '1',
    dir: 'auto',
  });
  const sendButton = h(
    'button',
    { type: 'submit', class: 'icon-button primary', 'aria-label': t('send') },
    icon(['M4 12l16-8-6 16-2-6z', 'M12 14l8-10'], true),
  );
  const composer = h('form', { class: 'composer' }, composerInput, sendButton);
  const endButton = h('button', { type: 'button', class: 'end' }, t('end'));
  const trackLink = h('a', { class: 'link', target: '_blank', rel: 'noopener', hidden: true }, t('track'));
  const chatFoot = h('div', { class: 'chat-foot' }, trackLink, endButton);
  const newChatButton = h('button', { type: 'button', class: 'primary' }, t('newChat'));
  const endedBox = h(
    'div',
    { class: 'ended', hidden: true },
    h('p', { style: 'margin:0' }, t('ended')),
    newChatButton,
  );
  const chatView = h('div', { class: 'view', 'data-view': 'chat' }, logRegion, composer, chatFoot, endedBox);

  const panel = h(
    'section',
    {
      class: 'panel',
      id: 'riza-panel',
      role: 'dialog',
      'aria-modal': 'true',
      'aria-labelledby': 'riza-title',
      hidden: true,
    },
    h(
      'div',
      { class: 'head' },
      h('div', { class: 'titles' }, h('h2', { id: 'riza-title' }, t('title')), orgName),
      close,
    ),
    notice,
    connectingView,
    offlineView,
    startView,
    chatView,
    unavailableView,
  );
  const container = h('div', { class: 'riza', dir, lang }, panel, launcher);
  root.append(style, container);
  document.body.append(host);

  const views: Record<View, HTMLElement> = {
    connecting: connectingView,
    offline: offlineView,
    start: startView,
    chat: chatView,
    unavailable: unavailableView,
  };

  // ---- state ----------------------------------------------------------------------------------
  let view: View = 'connecting';
  let ws: WebSocket | null = null;
  let wantSocket = false;
  let attempts = 0;
  let reconnectTimer: number | undefined;
  let lastSeq = 0;
  let chatOpen = false;
  let welcome: Welcome | null = null;
  let unread = 0;

  const token = {
    get: () => {
      try {
        return localStorage.getItem(tokenKey);
      } catch {
        return null;
      }
    },
    set: (v: string | null) => {
      try {
        if (v) localStorage.setItem(tokenKey, v);
        else localStorage.removeItem(tokenKey);
      } catch {
        // storage blocked (private mode): the chat still works, it just does not survive a reload
      }
    },
  };

  const isOpen = () => !panel.hidden;

  function show(next: View) {
    view = next;
    for (const [name, el] of Object.entries(views)) el.hidden = name !== next;
    if (isOpen()) focusView();
  }

  function focusView() {
    const target =
      view === 'start'
        ? firstInput.value
          ? startButton
          : nameInput
        : view === 'chat'
          ? chatOpen
            ? composerInput
            : newChatButton
          : view === 'offline'
            ? formLink
            : view === 'unavailable'
              ? retryButton
              : close;
    target.focus();
  }

  function setNotice(text: string) {
    notice.textContent = text;
  }

  function updateLauncher() {
    dot.hidden = unread === 0;
    launcher.setAttribute('aria-label', unread ? t('launcherUnread') : t('launcher'));
  }

  function openPanel() {
    panel.hidden = false;
    launcher.setAttribute('aria-expanded', 'true');
    unread = 0;
    updateLauncher();
    wantSocket = true;
    if (!ws) connect();
    focusView();
    logRegion.scrollTop = logRegion.scrollHeight;
  }

  function closePanel() {
    panel.hidden = true;
    launcher.setAttribute('aria-expanded', 'false');
    launcher.focus();
    // nothing live to wait for: let the socket go
    if (!chatOpen) {
      wantSocket = false;
      ws?.close();
    }
  }

  // ---- messages ---------------------------------------------------------------------------------
  function systemText(body: string): string {
    try {
      const e = JSON.parse(body) as { event?: string; by?: string; number?: string };
      if (e.event === 'closed') return e.by === 'visitor' ? t('closedByYou') : t('closedByAgent');
      if (e.event === 'case') return t('case', { number: e.number ?? '' });
    } catch {
      // an unknown system line is not shown
    }
    return '';
  }

  /** `live`: it arrived now (counts as unread while the panel is closed), not from a resumed chat */
  function renderMessage(m: ChatMessage, live = true) {
    if (m.seq <= lastSeq) return;
    lastSeq = m.seq;
    log.querySelector('.waiting')?.remove();
    let item: HTMLLIElement;
    if (m.author === 'system') {
      const e = safeEvent(m.body);
      const text =
        e?.event === 'joined'
          ? t('joined', { name: isolate(m.authorName ?? t('agent')) })
          : systemText(m.body);
      if (!text) return;
      item = h('li', { class: 'msg system' }, text);
    } else {
      const who = m.author === 'visitor' ? t('you') : (m.authorName ?? t('agent'));
      const time = timeFormat.format(new Date(m.at));
      item = h(
        'li',
        { class: `msg ${m.author}` },
        h('p', { class: 'bubble', dir: 'auto', translate: 'no' }, m.body),
        h('span', { class: 'meta' }, h('bdi', { translate: 'no' }, who), ` · ${time}`),
      );
      if (live && m.author === 'agent' && !isOpen()) {
        unread++;
        updateLauncher();
      }
    }
    log.append(item);
    logRegion.scrollTop = logRegion.scrollHeight;
  }

  function safeEvent(body: string): { event?: string } | null {
    try {
      return JSON.parse(body) as { event?: string };
    } catch {
      return null;
    }
  }

  function renderWaiting() {
    if (log.querySelector('.msg.agent, .msg.system') || !chatOpen) return;
    if (!log.querySelector('.waiting')) log.append(h('li', { class: 'waiting' }, t('waiting')));
  }

  function applyStatus(s: ChatStatus) {
    chatOpen = s.status === 'open';
    composer.hidden = !chatOpen;
    endButton.hidden = !chatOpen;
    endedBox.hidden = chatOpen;
    if (s.caseNumber && welcome) {
      trackLink.hidden = false;
      trackLink.href = `${rizaOrigin}${welcome.portalPath}`;
    }
    if (!chatOpen) {
      log.querySelector('.waiting')?.remove();
      if (document.activeElement === host && root.activeElement === composerInput) newChatButton.focus();
    }
  }

  function showChat(snapshot: Snapshot) {
    log.replaceChildren();
    lastSeq = 0;
    for (const m of snapshot.messages) renderMessage(m, false);
    applyStatus(snapshot.status);
    renderWaiting();
    show('chat');
  }

  function showStartOrOffline() {
    if (!welcome) return;
    if (welcome.open) {
      greeting.hidden = !welcome.greeting;
      greeting.textContent = welcome.greeting ?? '';
      show('start');
    } else {
      formLink.href = `${rizaOrigin}${welcome.portalPath}?lng=${lang}`;
      backText.textContent = welcome.nextOpening
        ? t('offlineBack', { when: formatOpening(welcome.nextOpening, welcome.timezone) })
        : t('offlineSoon');
      show('offline');
    }
  }

  function formatOpening(iso: string, timeZone: string | null): string {
    const opts: Intl.DateTimeFormatOptions = {
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
      timeZoneName: 'short',
    };
    try {
      return new Intl.DateTimeFormat(lang, { ...opts, timeZone: timeZone ?? undefined }).format(
        new Date(iso),
      );
    } catch {
      return new Intl.DateTimeFormat(lang, opts).format(new Date(iso));
    }
  }

  function clearFieldErrors() {
    for (const f of [nameField, contactField, textField]) f.error.hidden = true;
    for (const c of [nameInput, contactInput, firstInput]) c.removeAttribute('aria-invalid');
    startError.hidden = true;
  }

  function showError(msg: Extract<ServerMessage, { type: 'error' }>) {
    startButton.disabled = false;
    if (msg.code === 'CONFLICT' && msg.reason === 'out_of_hours') {
      // the team left while the visitor was typing: ask again, the answer says when they are back
      send({ type: 'hello', locale: lang, token: token.get() });
      return;
    }
    if (msg.code === 'CONFLICT' && msg.reason === 'chat_closed') return setNotice(t('chatEnded'));
    if (msg.code === 'RATE_LIMITED') return setNotice(t('tooFast', { count: msg.seconds ?? 60 }));
    if (msg.code === 'VALIDATION_FAILED' && view === 'start') {
      const byField: Record<string, ReturnType<typeof field> & { control: HTMLElement }> = {
        name: { ...nameField, control: nameInput },
        contact: { ...contactField, control: contactInput },
        text: { ...textField, control: firstInput },
      };
      let first: HTMLElement | null = null;
      for (const f of msg.fields ?? []) {
        const target = byField[f.field];
        if (!target) continue;
        target.error.textContent = f.message;
        target.error.hidden = false;
        target.control.setAttribute('aria-invalid', 'true');
        first ??= target.control;
      }
      first?.focus();
      return;
    }
    if (view === 'start') {
      startError.textContent = t('failed');
      startError.hidden = false;
      return;
    }
    setNotice(t('failed'));
  }

  // ---- the socket -------------------------------------------------------------------------------
  function send(message: object): boolean {
    if (ws?.readyState !== WebSocket.OPEN) return false;
    ws.send(JSON.stringify(message));
    return true;
  }

  function connect() {
    window.clearTimeout(reconnectTimer);
    if (view !== 'chat') show('connecting');
    const socket = new WebSocket(socketUrl);
    ws = socket;
    socket.onopen = () => {
      attempts = 0;
      socket.send(JSON.stringify({ type: 'hello', locale: lang, token: token.get() }));
    };
    socket.onmessage = (event) => {
      let msg: ServerMessage;
      try {
        msg = JSON.parse(String(event.data)) as ServerMessage;
      } catch {
        return;
      }
      handle(msg);
    };
    let opened = false;
    socket.addEventListener('open', () => {
      opened = true;
    });
    socket.onclose = () => {
      if (ws !== socket) return;
      ws = null;
      if (!wantSocket) return;
      // a conversation on screen stays there while we reconnect; a refused or unreachable chat
      // says so at once (and keeps trying, with a growing pause)
      attempts++;
      if (view === 'chat') setNotice(t('reconnecting'));
      else if (!opened || attempts > 3) show('unavailable');
      reconnectTimer = window.setTimeout(connect, Math.min(30_000, 1000 * 2 ** Math.min(attempts, 5)));
    };
  }

  function handle(msg: ServerMessage) {
    switch (msg.type) {
      case 'welcome':
        setNotice('');
        welcome = msg;
        orgName.textContent = msg.orgName;
        orgName.hidden = !msg.orgName;
        if (msg.chat) {
          showChat(msg.chat);
        } else {
          token.set(null);
          chatOpen = false;
          showStartOrOffline();
        }
        return;
      case 'started':
        token.set(msg.token);
        firstInput.value = '';
        startButton.disabled = false;
        showChat(msg.chat);
        return;
      case 'message':
        setNotice('');
        renderMessage(msg.message);
        return;
      case 'status':
        applyStatus(msg);
        return;
      case 'error':
        showError(msg);
    }
  }

  // ---- events -----------------------------------------------------------------------------------
  launcher.addEventListener('click', () => (isOpen() ? closePanel() : openPanel()));
  close.addEventListener('click', closePanel);
  retryButton.addEventListener('click', () => {
    attempts = 0;
    wantSocket = true;
    connect();
  });
  startView.addEventListener('submit', (e) => {
    e.preventDefault();
    clearFieldErrors();
    if (!firstInput.value.trim()) {
      textField.error.textContent = t('required');
      textField.error.hidden = false;
      firstInput.setAttribute('aria-invalid', 'true');
      firstInput.focus();
      return;
    }
    const sent = send({
      type: 'start',
      name: nameInput.value,
      contact: contactInput.value,
      text: firstInput.value,
    });
    if (sent) startButton.disabled = true;
    else setNotice(t('reconnecting'));
  });
  composer.addEventListener('submit', (e) => {
    e.preventDefault();
    const text = composerInput.value.trim();
    if (!text) return;
    if (send({ type: 'message', text })) composerInput.value = '';
    else setNotice(t('reconnecting'));
  });
  composerInput.addEventListener('keydown', (e) => {
    // Enter sends, Shift+Enter starts a new line, as in every chat
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
      e.preventDefault();
      composer.requestSubmit();
    }
  });
  endButton.addEventListener('click', () => send({ type: 'close' }));
  newChatButton.addEventListener('click', () => {
    token.set(null);
    chatOpen = false;
    log.replaceChildren();
    lastSeq = 0;
    trackLink.hidden = true;
    showStartOrOffline();
  });
  // the focus stays in the open panel (Tab and Shift+Tab cycle); Escape closes it
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      closePanel();
      return;
    }
    if (e.key !== 'Tab') return;
    const focusable = [
      ...panel.querySelectorAll<HTMLElement>('button, a[href], input, textarea, [tabindex="0"]'),
    ].filter((el) => !el.closest('[hidden]') && !(el as HTMLButtonElement).disabled);
    if (!focusable.length) return;
    const first = focusable[0]!;
    const last = focusable[focusable.length - 1]!;
    const active = root.activeElement;
    if (e.shiftKey && (active === first || !panel.contains(active))) {
      e.preventDefault();
      last.focus();
    } else if (!e.shiftKey && (active === last || !panel.contains(active))) {
      e.preventDefault();
      first.focus();
    }
  });

  // a chat in progress resumes at once (new messages show on the launcher); otherwise the socket
  // opens when the visitor opens the panel
  if (token.get()) {
    wantSocket = true;
    connect();
  }
  updateLauncher();
}

declare global {
  interface Window {
    __rizaChat?: boolean;
  }
}

function boot() {
  if (window.__rizaChat) return;
  const script =
    (document.currentScript as HTMLScriptElement | null) ??
    document.querySelector<HTMLScriptElement>('script[src*="widget.js"][data-org]');
  if (!script) return;
  window.__rizaChat = true;
  const start = () => mount(script);
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', start, { once: true });
  else start();
}

boot();
