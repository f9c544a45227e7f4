// The widget's styles, inside its shadow root: nothing leaks out to the page, and `all: initial`
// on the host stops the page's inherited styles (font, colour, direction) leaking in. Logical
// properties only, so the Arabic widget mirrors itself (launcher on the left, bubbles swapped).
export const CSS = `
:host { all: initial; }
.riza {
  --brand: #0f766e;
  --brand-dark: #115e59;
  --ink: #1f2933;
  --muted: #52606d;
  --line: #d9e2ec;
  --soft: #f0f4f8;
  --danger: #b42318;
  position: fixed;
  inset-block-end: 20px;
  inset-inline-end: 20px;
  z-index: 2147483000;
  font: 15px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Noto Naskh Arabic", Tahoma, sans-serif;
  color: var(--ink);
  display: flex;
  flex-direction: column;
  align-items: flex-end;
  gap: 12px;
}
.riza[dir="rtl"] { font-size: 16px; }
*, *::before, *::after { box-sizing: border-box; }
button, input, textarea { font: inherit; color: inherit; }
[hidden] { display: none !important; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }

.launcher {
  display: inline-flex; align-items: center; gap: 8px;
  border: 0; border-radius: 999px; padding: 12px 18px;
  background: var(--brand); color: #fff; font-weight: 600; cursor: pointer;
  box-shadow: 0 6px 20px rgb(15 23 42 / 25%);
  position: relative;
}
.launcher:hover { background: var(--brand-dark); }
.launcher svg { width: 22px; height: 22px; flex: none; }
.dot {
  position: absolute; inset-block-start: 2px; inset-inline-end: 2px;
  width: 12px; height: 12px; border-radius: 50%; background: #f59e0b; border: 2px solid #fff;
}

.panel {
  width: min(380px, calc(100vw - 24px));
  height: min(580px, calc(100vh - 110px));
  background: #fff; border-radius: 14px; overflow: hidden;
  box-shadow: 0 12px 40px rgb(15 23 42 / 30%);
  display: flex; flex-direction: column;
}
.head {
  background: var(--brand); color: #fff; padding: 12px 14px;
  display: flex; align-items: center; gap: 10px;
}
.head .titles { flex: 1; min-width: 0; }
.head h2 { margin: 0; font-size: 1.05em; font-weight: 700; }
.head .org { margin: 0; font-size: 0.85em; opacity: 0.95; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.icon-button {
  border: 0; background: transparent; color: inherit; cursor: pointer;
  width: 36px; height: 36px; border-radius: 8px; display: grid; place-items: center; flex: none;
}
.icon-button:hover { background: rgb(255 255 255 / 18%); }
.icon-button svg { width: 20px; height: 20px; }

.notice { margin: 0; padding: 8px 14px; background: #fff7e6; color: #7a4a00; font-size: 0.9em; }
.notice:empty { display: none; }

.view { flex: 1; min-height: 0; display: flex; flex-direction: column; }
.pad { padding: 16px; overflow-y: auto; }
.pad > p { margin: 0 0 12px; }
.muted { color: var(--muted); font-size: 0.9em; }
.center { flex: 1; display: flex; flex-direction: column; justify-content: center; align-items: center; text-align: center; gap: 12px; padding: 24px; }

.field { display: flex; flex-direction: column; gap: 4px; margin-block-end: 12px; }
.field label { font-weight: 600; font-size: 0.9em; }
.field input, .field textarea, .composer textarea {
  border: 1px solid #9aa5b1; border-radius: 8px; padding: 8px 10px; background: #fff; width: 100%;
}
.field textarea { min-height: 84px; resize: vertical; }
.field .hint { color: var(--muted); font-size: 0.82em; }
.field .error, .form-error { color: var(--danger); font-size: 0.85em; margin: 0; }
.field [aria-invalid="true"] { border-color: var(--danger); }

.primary, .secondary {
  border-radius: 8px; padding: 9px 16px; font-weight: 600; cursor: pointer; border: 1px solid var(--brand);
}
.primary { background: var(--brand); color: #fff; }
.primary:hover { background: var(--brand-dark); }
.primary:disabled { opacity: 0.6; cursor: default; }
.secondary { background: #fff; color: var(--brand-dark); }
.link { color: var(--brand-dark); font-weight: 600; }

.greeting { background: var(--soft); border-radius: 10px; padding: 10px 12px; margin-block-end: 14px; }

.log { flex: 1; overflow-y: auto; background: #fafbfc; }
.log-list { list-style: none; margin: 0; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 82%; display: flex; flex-direction: column; gap: 2px; }
.msg .bubble { margin: 0; padding: 8px 11px; border-radius: 12px; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg .meta { font-size: 0.75em; color: var(--muted); padding-inline: 4px; }
.msg.visitor { align-self: flex-end; align-items: flex-end; }
.msg.visitor .bubble { background: var(--brand); color: #fff; border-end-end-radius: 4px; }
.msg.agent { align-self: flex-start; }
.msg.agent .bubble { background: #fff; border: 1px solid var(--line); border-end-start-radius: 4px; }
.msg.system { align-self: center; max-width: 95%; text-align: center; font-size: 0.85em; color: var(--muted); }
.waiting { align-self: center; font-size: 0.85em; color: var(--muted); }

.composer { border-block-start: 1px solid var(--line); padding: 10px; display: flex; gap: 8px; align-items: flex-end; }
.composer textarea { flex: 1; min-height: 42px; max-height: 120px; resize: none; }
.chat-foot { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 0 10px 10px; }
.end { border: 0; background: transparent; color: var(--danger); font-size: 0.85em; cursor: pointer; padding: 4px; text-decoration: underline; }
.ended { padding: 12px; border-block-start: 1px solid var(--line); display: flex; flex-direction: column; gap: 8px; align-items: center; text-align: center; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
[data-mirror] { transform: scaleX(1); }
.riza[dir="rtl"] [data-mirror] { transform: scaleX(-1); }
`;
